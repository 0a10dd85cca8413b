-- Every server process caches session lookups; any change that could end or alter a session
-- (logout, password reset, lock-out, role change, other sessions ended by any code path)
-- tells all of them over NOTIFY, at commit.
CREATE OR REPLACE FUNCTION nh_notify_session_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_TABLE_NAME = 'sessions' THEN
    PERFORM pg_notify('nianhui_sessions', 's:' || OLD.id);
  ELSE
    PERFORM pg_notify('nianhui_sessions', 'u:' || OLD.id::text);
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER sessions_notify_change AFTER DELETE OR UPDATE OF user_id, csrf_token ON sessions
  FOR EACH ROW EXECUTE FUNCTION nh_notify_session_change();
--> statement-breakpoint
CREATE TRIGGER users_notify_change AFTER UPDATE OR DELETE ON users
  FOR EACH ROW EXECUTE FUNCTION nh_notify_session_change();
