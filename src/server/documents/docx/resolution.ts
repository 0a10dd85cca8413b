import { adoptionLine } from '../../../domain/meeting/resolution.js';
import { body, officialDocument, packDocument, subtitle, text, title } from './layout.js';

/** 决议: title with the meeting's name, the adoption line, the text. */
export interface ResolutionDoc {
  meetingName: string;
  title: string;
  /** The day of adoption (ISO); null for a draft. */
  adoptedOn: string | null;
  body: string;
}

/** A title of the form “关于…的决议” is written under the meeting's name, as adopted resolutions are. */
export function resolutionTitle(meetingName: string, t: string): string {
  return t.startsWith('关于') ? `${meetingName}${t}` : t;
}

export async function renderResolution(d: ResolutionDoc): Promise<Buffer> {
  const full = resolutionTitle(d.meetingName, d.title);
  const doc = officialDocument({
    title: full,
    children: [...title(full), ...subtitle(adoptionLine(d.meetingName, d.adoptedOn)), text('', { indent: false }), ...body(d.body)],
  });
  return packDocument(doc);
}
