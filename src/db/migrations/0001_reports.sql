CREATE TABLE "report_closure_organisations" (
	"tenant_id" integer NOT NULL,
	"year" integer NOT NULL,
	"organisation_id" uuid NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"status_at" text NOT NULL,
	"sector_code" text NOT NULL,
	"sector_group" text NOT NULL,
	"area" text,
	"commune_code" text,
	"commune_name" text,
	"founded_on" date NOT NULL,
	"ended_on" date,
	"end_status" text,
	"counted" boolean NOT NULL,
	"newly_established" boolean NOT NULL,
	"ended_in_year" boolean NOT NULL,
	"charter_capital_vnd" bigint NOT NULL,
	"members" integer NOT NULL,
	"workers" integer NOT NULL,
	CONSTRAINT "report_closure_organisations_tenant_id_year_organisation_id_pk" PRIMARY KEY("tenant_id","year","organisation_id")
);
--> statement-breakpoint
CREATE TABLE "report_closures" (
	"tenant_id" integer NOT NULL,
	"year" integer NOT NULL,
	"as_of" date NOT NULL,
	"report" jsonb NOT NULL,
	"closed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"closed_by" text NOT NULL,
	CONSTRAINT "report_closures_tenant_id_year_pk" PRIMARY KEY("tenant_id","year")
);
--> statement-breakpoint
CREATE TABLE "report_plans" (
	"tenant_id" integer NOT NULL,
	"year" integer NOT NULL,
	"indicator" text NOT NULL,
	"area" text DEFAULT '' NOT NULL,
	"target" bigint NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" text NOT NULL,
	CONSTRAINT "report_plans_tenant_id_year_indicator_area_pk" PRIMARY KEY("tenant_id","year","indicator","area")
);
--> statement-breakpoint
CREATE INDEX "report_closure_organisations_year_idx" ON "report_closure_organisations" USING btree ("tenant_id","year","sector_group");