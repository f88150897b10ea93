CREATE TABLE "loan_disbursements" (
	"tenant_id" integer NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"loan_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"disbursed_on" date NOT NULL,
	"amount_vnd" bigint NOT NULL,
	"note" text,
	"recorded_by" text NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "loan_disbursements_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "loan_disbursements_seq_key" UNIQUE("tenant_id","loan_id","seq")
);
--> statement-breakpoint
CREATE TABLE "loan_documents" (
	"tenant_id" integer NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"loan_id" uuid NOT NULL,
	"file_name" text NOT NULL,
	"content_type" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"content" "bytea" NOT NULL,
	"uploaded_by" text NOT NULL,
	"uploaded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "loan_documents_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "loan_payments" (
	"tenant_id" integer NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"loan_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"idempotency_key" text NOT NULL,
	"paid_on" date NOT NULL,
	"amount_vnd" bigint NOT NULL,
	"penalty_vnd" bigint NOT NULL,
	"overdue_interest_vnd" bigint NOT NULL,
	"overdue_principal_vnd" bigint NOT NULL,
	"current_interest_vnd" bigint NOT NULL,
	"current_principal_vnd" bigint NOT NULL,
	"prepayment_vnd" bigint NOT NULL,
	"note" text,
	"recorded_by" text NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "loan_payments_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "loan_payments_seq_key" UNIQUE("tenant_id","loan_id","seq"),
	CONSTRAINT "loan_payments_idempotency_key" UNIQUE("tenant_id","loan_id","idempotency_key")
);
--> statement-breakpoint
CREATE TABLE "loan_reschedulings" (
	"tenant_id" integer NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"loan_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"effective_on" date NOT NULL,
	"new_term_months" integer NOT NULL,
	"decision_number" text NOT NULL,
	"reason" text NOT NULL,
	"recorded_by" text NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "loan_reschedulings_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "loan_reschedulings_seq_key" UNIQUE("tenant_id","loan_id","seq")
);
--> statement-breakpoint
CREATE TABLE "loan_rule_versions" (
	"tenant_id" integer NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"effective_from" date NOT NULL,
	"max_amount_vnd" bigint NOT NULL,
	"max_term_months" integer NOT NULL,
	"max_grace_months" integer DEFAULT 0 NOT NULL,
	"methods" text[] NOT NULL,
	"annual_rate_percent" numeric(5, 2) NOT NULL,
	"penalty_rate_percent" integer DEFAULT 150 NOT NULL,
	"min_months_since_founding" integer DEFAULT 0 NOT NULL,
	"sector_groups" text[],
	"kinds" text[],
	"max_open_loans" integer,
	"note" text,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "loan_rule_versions_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "loan_rule_versions_effective_key" UNIQUE("tenant_id","effective_from")
);
--> statement-breakpoint
CREATE TABLE "loans" (
	"tenant_id" integer NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"organisation_id" uuid NOT NULL,
	"status" text NOT NULL,
	"rule_version_id" uuid NOT NULL,
	"purpose" text NOT NULL,
	"requested_amount_vnd" bigint NOT NULL,
	"term_months" integer NOT NULL,
	"method" text NOT NULL,
	"grace_months" integer DEFAULT 0 NOT NULL,
	"collateral" text,
	"guarantors" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"applied_on" date NOT NULL,
	"submitted_by_user_id" uuid,
	"submitted_by" text NOT NULL,
	"appraised_by_user_id" uuid,
	"appraised_by" text,
	"appraised_at" timestamp with time zone,
	"appraisal_findings" text,
	"appraisal_recommendation" text,
	"recommended_amount_vnd" bigint,
	"decided_by_user_id" uuid,
	"decided_by" text,
	"decision_number" text,
	"decision_date" date,
	"decision_reason" text,
	"approved_amount_vnd" bigint,
	"annual_rate_percent" numeric(5, 2),
	"penalty_rate_percent" integer,
	"contract_number" text,
	"contract_signed_on" date,
	"closed_on" date,
	"written_off_on" date,
	"write_off_reason" text,
	"write_off_decision_number" text,
	"event_count" integer DEFAULT 0 NOT NULL,
	"last_event_on" date,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "loans_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "loans_code_key" UNIQUE("tenant_id","code")
);
--> statement-breakpoint
ALTER TABLE "loan_disbursements" ADD CONSTRAINT "loan_disbursements_tenant_id_loan_id_loans_tenant_id_id_fk" FOREIGN KEY ("tenant_id","loan_id") REFERENCES "public"."loans"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "loan_documents" ADD CONSTRAINT "loan_documents_tenant_id_loan_id_loans_tenant_id_id_fk" FOREIGN KEY ("tenant_id","loan_id") REFERENCES "public"."loans"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "loan_payments" ADD CONSTRAINT "loan_payments_tenant_id_loan_id_loans_tenant_id_id_fk" FOREIGN KEY ("tenant_id","loan_id") REFERENCES "public"."loans"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "loan_reschedulings" ADD CONSTRAINT "loan_reschedulings_tenant_id_loan_id_loans_tenant_id_id_fk" FOREIGN KEY ("tenant_id","loan_id") REFERENCES "public"."loans"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "loan_rule_versions" ADD CONSTRAINT "loan_rule_versions_tenant_id_alliances_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."alliances"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "loans" ADD CONSTRAINT "loans_tenant_id_organisation_id_organisations_tenant_id_id_fk" FOREIGN KEY ("tenant_id","organisation_id") REFERENCES "public"."organisations"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "loans" ADD CONSTRAINT "loans_tenant_id_rule_version_id_loan_rule_versions_tenant_id_id_fk" FOREIGN KEY ("tenant_id","rule_version_id") REFERENCES "public"."loan_rule_versions"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "loan_documents_loan_idx" ON "loan_documents" USING btree ("tenant_id","loan_id");--> statement-breakpoint
CREATE INDEX "loans_tenant_status_idx" ON "loans" USING btree ("tenant_id","status");--> statement-breakpoint
CREATE INDEX "loans_tenant_org_idx" ON "loans" USING btree ("tenant_id","organisation_id");