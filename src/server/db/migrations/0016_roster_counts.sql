CREATE TABLE "roster_counts" (
	"township_id" uuid NOT NULL,
	"term_id" uuid NOT NULL,
	"status" text NOT NULL,
	"n" integer NOT NULL,
	CONSTRAINT "roster_counts_term_id_status_pk" PRIMARY KEY("term_id","status")
);
--> statement-breakpoint
ALTER TABLE "roster_counts" ADD CONSTRAINT "roster_counts_township_id_townships_id_fk" FOREIGN KEY ("township_id") REFERENCES "public"."townships"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "roster_counts" ADD CONSTRAINT "roster_counts_term_id_terms_id_fk" FOREIGN KEY ("term_id") REFERENCES "public"."terms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
-- Delegates per term and status, kept exact in the writer's transaction by statement-level
-- triggers: one grouped upsert per statement (an import batch of 1,000 rows is one update of
-- each counter, not 1,000), counters touched in key order so two writers lock them alike.
CREATE OR REPLACE FUNCTION nh_roster_counts() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO roster_counts AS c (township_id, term_id, status, n)
      SELECT township_id, term_id, status, count(*)::int FROM new_rows GROUP BY 1, 2, 3 ORDER BY 2, 3
      ON CONFLICT (term_id, status) DO UPDATE SET n = c.n + excluded.n;
  ELSIF TG_OP = 'DELETE' THEN
    UPDATE roster_counts c SET n = c.n - o.k
      FROM (SELECT term_id, status, count(*)::int AS k FROM old_rows GROUP BY 1, 2) o
      WHERE c.term_id = o.term_id AND c.status = o.status;
  ELSE
    INSERT INTO roster_counts AS c (township_id, term_id, status, n)
      SELECT township_id, term_id, status, sum(k)::int FROM (
        SELECT township_id, term_id, status, 1 AS k FROM new_rows
        UNION ALL SELECT township_id, term_id, status, -1 FROM old_rows) d
      GROUP BY 1, 2, 3 HAVING sum(k) <> 0 ORDER BY 2, 3
      ON CONFLICT (term_id, status) DO UPDATE SET n = c.n + excluded.n;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER delegates_count_insert AFTER INSERT ON delegates REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION nh_roster_counts();
--> statement-breakpoint
CREATE TRIGGER delegates_count_update AFTER UPDATE ON delegates REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION nh_roster_counts();
--> statement-breakpoint
CREATE TRIGGER delegates_count_delete AFTER DELETE ON delegates REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION nh_roster_counts();
--> statement-breakpoint
INSERT INTO roster_counts (township_id, term_id, status, n)
  SELECT township_id, term_id, status, count(*)::int FROM delegates GROUP BY 1, 2, 3;
