package main

import (
	"context"
	"fmt"
	"net/url"

	"github.com/jackc/pgx/v5"
)

// FerretDB 1.24's PostgreSQL backend stores each collection as a table of one jsonb column and pushes an
// equality filter down as `_jsonb -> $key @> $value` (or `_jsonb #> $path @> $value` for a dotted path).
// The indexes it creates for createIndexes are btree indexes on `(_jsonb -> 'field')`, and a btree index
// cannot answer `@>`: every query is a sequential scan. Two settings make those same queries use indexes:
//
//   - a GIN (jsonb_path_ops) "twin" of every index FerretDB creates, on the exact expressions its filters
//     use, made by an event trigger so that it follows createIndexes without FerretDB knowing;
//     Without fastupdate: GIN's pending list is read in full by every query until a vacuum merges it
//     (measured on 200k rows: 4-9 ms a lookup before VACUUM, 1.5-2.5 ms after), so inserts pay instead.
//   - plan_cache_mode=force_custom_plan: the key is a bind parameter, and only a plan made with the
//     parameter's value can match an index on `_jsonb -> 'field'` (a generic plan scans).
const ginTwinSQL = `
CREATE OR REPLACE FUNCTION zhike_gin_twin() RETURNS event_trigger LANGUAGE plpgsql AS $fn$
DECLARE
	command record;
	keys text[];
	path text[];
	twin text;
BEGIN
	FOR command IN SELECT objid FROM pg_event_trigger_ddl_commands() WHERE command_tag = 'CREATE INDEX' LOOP
		-- The twin is itself a CREATE INDEX: only btree indexes get one, so this does not recurse.
		CONTINUE WHEN (SELECT a.amname FROM pg_class c JOIN pg_am a ON a.oid = c.relam WHERE c.oid = command.objid) <> 'btree';
		keys := '{}';
		FOR k IN 1 .. (SELECT indnkeyatts FROM pg_index WHERE indexrelid = command.objid) LOOP
			SELECT array_agg(m[1]) INTO path
			FROM regexp_matches(pg_get_indexdef(command.objid, k, false), '''((?:[^'']|'''')*)''::text', 'g') AS m;
			CONTINUE WHEN path IS NULL;
			IF array_length(path, 1) = 1 THEN
				keys := keys || format('(_jsonb -> %L) jsonb_path_ops', path[1]);
			ELSE
				keys := keys || format('(_jsonb #> %L::text[]) jsonb_path_ops', path::text);
			END IF;
		END LOOP;
		CONTINUE WHEN cardinality(keys) = 0;
		SELECT left(c.relname, 55) || '_gin' INTO twin FROM pg_class c WHERE c.oid = command.objid;
		EXECUTE format('CREATE INDEX IF NOT EXISTS %I ON %s USING gin (%s) WITH (fastupdate = off)', twin,
			(SELECT indrelid::regclass FROM pg_index WHERE indexrelid = command.objid), array_to_string(keys, ', '));
	END LOOP;
END
$fn$;
DROP EVENT TRIGGER IF EXISTS zhike_gin_twin;
CREATE EVENT TRIGGER zhike_gin_twin ON ddl_command_end WHEN TAG IN ('CREATE INDEX') EXECUTE FUNCTION zhike_gin_twin();
`

// preparePostgreSQL installs the GIN twins' trigger (it needs a superuser) and returns the URL FerretDB
// should use, with plan_cache_mode set for its connections.
func preparePostgreSQL(ctx context.Context, rawURL string) (string, error) {
	u, err := url.Parse(rawURL)
	if err != nil {
		return "", fmt.Errorf("invalid --postgresql-url: %w", err)
	}
	values := u.Query()
	if values.Get("plan_cache_mode") == "" {
		// pgx sends parameters it does not know as run-time settings of each connection.
		values.Set("plan_cache_mode", "force_custom_plan")
	}
	u.RawQuery = values.Encode()

	conn, err := pgx.Connect(ctx, rawURL)
	if err != nil {
		return "", fmt.Errorf("connecting to PostgreSQL: %w", err)
	}
	defer conn.Close(ctx)
	if _, err := conn.Exec(ctx, ginTwinSQL); err != nil {
		return "", fmt.Errorf("installing the GIN index trigger (needs a superuser): %w", err)
	}
	return u.String(), nil
}
