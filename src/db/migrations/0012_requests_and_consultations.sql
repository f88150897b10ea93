CREATE TABLE "calendar_days" (
	"day" date PRIMARY KEY NOT NULL,
	"day_off" boolean NOT NULL,
	"name" text NOT NULL,
	"changed_by" text,
	"changed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "agencies" (
	"tenant_id" integer NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"short_name" text,
	"kind" text NOT NULL,
	"commune_code" text,
	"address" text,
	"email" text,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "agencies_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "agencies_name_key" UNIQUE("tenant_id","name")
);
--> statement-breakpoint
CREATE TABLE "agency_answer_recommendations" (
	"tenant_id" integer NOT NULL,
	"answer_id" uuid NOT NULL,
	"recommendation_id" uuid NOT NULL,
	CONSTRAINT "agency_answer_recommendations_tenant_id_answer_id_recommendation_id_pk" PRIMARY KEY("tenant_id","answer_id","recommendation_id")
);
--> statement-breakpoint
CREATE TABLE "agency_answers" (
	"tenant_id" integer NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"agency_id" uuid NOT NULL,
	"letter_number" text NOT NULL,
	"letter_date" date NOT NULL,
	"received_on" date NOT NULL,
	"content" text NOT NULL,
	"recorded_by" text,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "agency_answers_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "difficulties" (
	"tenant_id" integer NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"year" integer NOT NULL,
	"seq" integer NOT NULL,
	"organisation_id" uuid NOT NULL,
	"raised_on" date NOT NULL,
	"channel" text NOT NULL,
	"occasion" text,
	"raised_by" text,
	"category" text NOT NULL,
	"title" text NOT NULL,
	"description" text NOT NULL,
	"public_consent" text DEFAULT 'no' NOT NULL,
	"published" boolean DEFAULT false NOT NULL,
	"published_at" timestamp with time zone,
	"state" text DEFAULT 'received' NOT NULL,
	"unit_in_charge" text,
	"recommendation_id" uuid,
	"due_on" date,
	"direct_answer" text,
	"answered_on" date,
	"answered_by" text,
	"outcome" text,
	"outcome_reason" text,
	"closed_on" date,
	"closed_by" text,
	"source_update_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "difficulties_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "difficulties_code_key" UNIQUE("tenant_id","year","seq")
);
--> statement-breakpoint
CREATE TABLE "letter_settings" (
	"tenant_id" integer PRIMARY KEY NOT NULL,
	"governing_body" text,
	"issuer" text NOT NULL,
	"symbol" text NOT NULL,
	"place" text NOT NULL,
	"signer_title" text,
	"signer_name" text,
	"updated_by" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "number_series" (
	"tenant_id" integer NOT NULL,
	"series" text NOT NULL,
	"year" integer NOT NULL,
	"last_number" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "number_series_tenant_id_series_year_pk" PRIMARY KEY("tenant_id","series","year")
);
--> statement-breakpoint
CREATE TABLE "recommendations" (
	"tenant_id" integer NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"subject" text NOT NULL,
	"body" text,
	"category" text NOT NULL,
	"agency_id" uuid,
	"state" text DEFAULT 'draft' NOT NULL,
	"letter_year" integer,
	"letter_seq" integer,
	"letter_number" text,
	"letter_date" date,
	"due_on" date,
	"signer_name" text,
	"signer_title" text,
	"forwarded_at" timestamp with time zone,
	"forwarded_by" text,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "recommendations_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "recommendations_letter_key" UNIQUE("tenant_id","letter_year","letter_seq")
);
--> statement-breakpoint
CREATE TABLE "request_files" (
	"tenant_id" integer NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"owner_kind" text NOT NULL,
	"owner_id" uuid NOT NULL,
	"file_name" text NOT NULL,
	"content_type" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"sha256" text NOT NULL,
	"content" "bytea" NOT NULL,
	"uploaded_by" text,
	"uploaded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "request_files_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "consultation_requests" (
	"tenant_id" integer NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"topic" text NOT NULL,
	"description" text NOT NULL,
	"requested_on" date NOT NULL,
	"channel" text DEFAULT 'online' NOT NULL,
	"requested_by" text,
	"state" text DEFAULT 'requested' NOT NULL,
	"expert_id" uuid,
	"scheduled_on" date,
	"form" text,
	"outcome" text,
	"cancel_reason" text,
	"rating" integer,
	"rating_comment" text,
	"rated_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "consultation_requests_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "consultation_sessions" (
	"tenant_id" integer NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"request_id" uuid NOT NULL,
	"held_on" date NOT NULL,
	"form" text NOT NULL,
	"expert_id" uuid,
	"notes" text NOT NULL,
	"recorded_by" text,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "consultation_sessions_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "experts" (
	"tenant_id" integer NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"fields" text[] DEFAULT '{}' NOT NULL,
	"organisation" text,
	"phone" text,
	"email" text,
	"note" text,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "experts_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "agency_answer_recommendations" ADD CONSTRAINT "agency_answer_recommendations_tenant_id_answer_id_agency_answers_tenant_id_id_fk" FOREIGN KEY ("tenant_id","answer_id") REFERENCES "public"."agency_answers"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agency_answer_recommendations" ADD CONSTRAINT "agency_answer_recommendations_tenant_id_recommendation_id_recommendations_tenant_id_id_fk" FOREIGN KEY ("tenant_id","recommendation_id") REFERENCES "public"."recommendations"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agency_answers" ADD CONSTRAINT "agency_answers_tenant_id_agency_id_agencies_tenant_id_id_fk" FOREIGN KEY ("tenant_id","agency_id") REFERENCES "public"."agencies"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "difficulties" ADD CONSTRAINT "difficulties_tenant_id_organisation_id_organisations_tenant_id_id_fk" FOREIGN KEY ("tenant_id","organisation_id") REFERENCES "public"."organisations"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "difficulties" ADD CONSTRAINT "difficulties_tenant_id_recommendation_id_recommendations_tenant_id_id_fk" FOREIGN KEY ("tenant_id","recommendation_id") REFERENCES "public"."recommendations"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "difficulties" ADD CONSTRAINT "difficulties_tenant_id_source_update_id_annual_updates_tenant_id_id_fk" FOREIGN KEY ("tenant_id","source_update_id") REFERENCES "public"."annual_updates"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recommendations" ADD CONSTRAINT "recommendations_tenant_id_agency_id_agencies_tenant_id_id_fk" FOREIGN KEY ("tenant_id","agency_id") REFERENCES "public"."agencies"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation_requests" ADD CONSTRAINT "consultation_requests_tenant_id_organisation_id_organisations_tenant_id_id_fk" FOREIGN KEY ("tenant_id","organisation_id") REFERENCES "public"."organisations"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation_requests" ADD CONSTRAINT "consultation_requests_tenant_id_expert_id_experts_tenant_id_id_fk" FOREIGN KEY ("tenant_id","expert_id") REFERENCES "public"."experts"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation_sessions" ADD CONSTRAINT "consultation_sessions_tenant_id_request_id_consultation_requests_tenant_id_id_fk" FOREIGN KEY ("tenant_id","request_id") REFERENCES "public"."consultation_requests"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "agency_answer_recommendations_rec_idx" ON "agency_answer_recommendations" USING btree ("tenant_id","recommendation_id");--> statement-breakpoint
CREATE INDEX "difficulties_state_idx" ON "difficulties" USING btree ("tenant_id","state","due_on");--> statement-breakpoint
CREATE INDEX "difficulties_org_idx" ON "difficulties" USING btree ("tenant_id","organisation_id");--> statement-breakpoint
CREATE INDEX "difficulties_year_idx" ON "difficulties" USING btree ("tenant_id","year");--> statement-breakpoint
CREATE INDEX "difficulties_recommendation_idx" ON "difficulties" USING btree ("tenant_id","recommendation_id");--> statement-breakpoint
CREATE INDEX "recommendations_state_idx" ON "recommendations" USING btree ("tenant_id","state","due_on");--> statement-breakpoint
CREATE INDEX "request_files_owner_idx" ON "request_files" USING btree ("tenant_id","owner_kind","owner_id");--> statement-breakpoint
CREATE INDEX "consultation_requests_state_idx" ON "consultation_requests" USING btree ("tenant_id","state");--> statement-breakpoint
CREATE INDEX "consultation_requests_org_idx" ON "consultation_requests" USING btree ("tenant_id","organisation_id");--> statement-breakpoint
CREATE INDEX "consultation_sessions_request_idx" ON "consultation_sessions" USING btree ("tenant_id","request_id");