-- Bodies name schemas in full: PostgreSQL 17+ evaluates index expressions with search_path = pg_catalog.
CREATE EXTENSION IF NOT EXISTS unaccent;
--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS btree_gin;
--> statement-breakpoint
-- Case- and accent-folded text ("São Paulo" -> "sao paulo"): what search compares.
CREATE OR REPLACE FUNCTION rh_fold(value text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$ SELECT lower(public.unaccent('public.unaccent'::regdictionary, value)) $$;
--> statement-breakpoint
-- Everything a contact search box looks at, folded, for one trigram index.
CREATE OR REPLACE FUNCTION rh_search_text(name text, email text, phone text, identifier text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT public.rh_fold(concat_ws(' ', name, email, phone, identifier)) $$;
--> statement-breakpoint
-- Message full text: the 'simple' configuration (no stemming, any language) over folded text.
CREATE OR REPLACE FUNCTION rh_search_vector(content text) RETURNS tsvector
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT to_tsvector('simple'::regconfig, coalesce(public.rh_fold(content), '')) $$;