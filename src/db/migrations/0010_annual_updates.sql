CREATE TABLE "annual_updates" (
	"tenant_id" integer NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"form_id" uuid NOT NULL,
	"state" text DEFAULT 'draft' NOT NULL,
	"values" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"draft_version" integer DEFAULT 1 NOT NULL,
	"channel" text DEFAULT 'online' NOT NULL,
	"first_submitted_at" timestamp with time zone,
	"submitted_at" timestamp with time zone,
	"submitted_by" text,
	"submit_key" text,
	"return_reasons" jsonb,
	"returned_at" timestamp with time zone,
	"returned_by" text,
	"accepted_at" timestamp with time zone,
	"accepted_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "annual_updates_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "annual_updates_org_year_key" UNIQUE("tenant_id","organisation_id","year")
);
--> statement-breakpoint
CREATE TABLE "update_forms" (
	"tenant_id" integer NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"year" integer NOT NULL,
	"kind" text NOT NULL,
	"version" integer NOT NULL,
	"definition" jsonb NOT NULL,
	"published_at" timestamp with time zone DEFAULT now() NOT NULL,
	"published_by" text,
	CONSTRAINT "update_forms_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "update_forms_version_key" UNIQUE("tenant_id","year","kind","version")
);
--> statement-breakpoint
ALTER TABLE "annual_updates" ADD CONSTRAINT "annual_updates_tenant_id_organisation_id_organisations_tenant_id_id_fk" FOREIGN KEY ("tenant_id","organisation_id") REFERENCES "public"."organisations"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "annual_updates_year_state_idx" ON "annual_updates" USING btree ("tenant_id","year","state");