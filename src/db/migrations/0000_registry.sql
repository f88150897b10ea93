CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
CREATE TABLE "alliances" (
	"id" integer PRIMARY KEY NOT NULL,
	"province_code" text NOT NULL,
	"name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "alliances_province_code_unique" UNIQUE("province_code")
);
--> statement-breakpoint
CREATE TABLE "admin_unit_mappings" (
	"old_code" text NOT NULL,
	"old_name" text NOT NULL,
	"old_name_key" text NOT NULL,
	"old_district_name" text,
	"old_district_key" text,
	"old_province_name" text,
	"old_province_key" text,
	"new_code" text NOT NULL,
	"new_name" text NOT NULL,
	"new_province_name" text,
	CONSTRAINT "admin_unit_mappings_old_code_new_code_pk" PRIMARY KEY("old_code","new_code")
);
--> statement-breakpoint
CREATE TABLE "admin_units" (
	"version" text NOT NULL,
	"code" text NOT NULL,
	"level" text NOT NULL,
	"name" text NOT NULL,
	"name_key" text NOT NULL,
	"province_code" text,
	"province_name" text,
	"district_name" text,
	"valid_from" date,
	"valid_to" date,
	"legal_basis" text,
	CONSTRAINT "admin_units_version_code_pk" PRIMARY KEY("version","code")
);
--> statement-breakpoint
CREATE TABLE "sectors" (
	"code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"group_key" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "organisation_statuses" (
	"tenant_id" integer NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"status" text NOT NULL,
	"valid_from" date NOT NULL,
	"note" text,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "organisation_statuses_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "organisations" (
	"tenant_id" integer NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"registration_number" text,
	"name" text NOT NULL,
	"short_name" text,
	"foreign_name" text,
	"status" text NOT NULL,
	"status_since" date,
	"founded_on" date NOT NULL,
	"dissolved_on" date,
	"address" text,
	"registered_commune" text,
	"registered_district" text,
	"registered_unit_code" text,
	"current_commune_code" text,
	"sector_code" text NOT NULL,
	"vsic_codes" text[] DEFAULT '{}'::text[] NOT NULL,
	"charter_capital_vnd" bigint DEFAULT 0 NOT NULL,
	"members_official" integer DEFAULT 0 NOT NULL,
	"members_associated_capital" integer DEFAULT 0 NOT NULL,
	"members_associated_no_capital" integer DEFAULT 0 NOT NULL,
	"workers" integer DEFAULT 0 NOT NULL,
	"representative" text,
	"phone" text,
	"email" text,
	"alliance_member_since" date,
	"search_text" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "organisations_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "organisations_registration_number_key" UNIQUE("tenant_id","registration_number")
);
--> statement-breakpoint
CREATE TABLE "import_runs" (
	"tenant_id" integer NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_label" text NOT NULL,
	"file_name" text NOT NULL,
	"dry_run" boolean NOT NULL,
	"report" jsonb NOT NULL,
	CONSTRAINT "import_runs_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "audit_events" (
	"tenant_id" integer NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_user_id" uuid,
	"actor_label" text NOT NULL,
	"action" text NOT NULL,
	"entity_type" text NOT NULL,
	"entity_id" uuid NOT NULL,
	"before" jsonb,
	"after" jsonb,
	CONSTRAINT "audit_events_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"id" text PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" integer,
	"email" text NOT NULL,
	"password_hash" text NOT NULL,
	"role" text NOT NULL,
	"organisation_id" uuid,
	"commune_code" text,
	"display_name" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"disabled_at" timestamp with time zone,
	CONSTRAINT "users_email_unique" UNIQUE("email")
);
--> statement-breakpoint
ALTER TABLE "organisation_statuses" ADD CONSTRAINT "organisation_statuses_tenant_id_organisation_id_organisations_tenant_id_id_fk" FOREIGN KEY ("tenant_id","organisation_id") REFERENCES "public"."organisations"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organisations" ADD CONSTRAINT "organisations_tenant_id_alliances_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."alliances"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "admin_unit_mappings_old_name_idx" ON "admin_unit_mappings" USING btree ("old_province_key","old_name_key");--> statement-breakpoint
CREATE INDEX "admin_units_name_key_idx" ON "admin_units" USING btree ("name_key");--> statement-breakpoint
CREATE INDEX "organisation_statuses_org_idx" ON "organisation_statuses" USING btree ("tenant_id","organisation_id","valid_from");--> statement-breakpoint
CREATE INDEX "organisations_search_idx" ON "organisations" USING gin ("search_text" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "organisations_tenant_founded_idx" ON "organisations" USING btree ("tenant_id","founded_on");--> statement-breakpoint
CREATE INDEX "organisations_tenant_commune_idx" ON "organisations" USING btree ("tenant_id","current_commune_code");--> statement-breakpoint
CREATE INDEX "audit_events_entity_idx" ON "audit_events" USING btree ("tenant_id","entity_type","entity_id","at");--> statement-breakpoint
CREATE INDEX "sessions_user_idx" ON "sessions" USING btree ("user_id");