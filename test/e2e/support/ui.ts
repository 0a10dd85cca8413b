import type { Locator, Page } from 'playwright-core';

export const DEMO_PASSWORD = 'Demo@2026';

/** The same login form on the admin and the phone pages. */
export async function signIn(page: Page, username: string, password = DEMO_PASSWORD) {
  await page.getByLabel('用户名', { exact: true }).fill(username);
  await page.getByLabel('密码', { exact: true }).fill(password);
  await page.getByRole('button', { name: /登\s*录/ }).click();
}

/** Opens an antd Select by its form label (within `scope`) and picks the option showing `text`. */
export async function choose(page: Page, scope: Page | Locator, label: string, text: string, typed?: string) {
  const input = scope.getByLabel(label, { exact: true });
  await input.click();
  if (typed) await input.fill(typed);
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: text }).first().click();
}
