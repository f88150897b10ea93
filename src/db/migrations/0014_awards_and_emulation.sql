CREATE TABLE "award_decisions" (
	"tenant_id" integer NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"number" text NOT NULL,
	"decided_on" date NOT NULL,
	"issuer" text NOT NULL,
	"signer_name" text NOT NULL,
	"signer_position" text NOT NULL,
	"award_kind_code" text NOT NULL,
	"year" integer NOT NULL,
	"cash_per_collective_vnd" bigint DEFAULT 0 NOT NULL,
	"cash_per_individual_vnd" bigint DEFAULT 0 NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "award_decisions_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "award_decisions_number_key" UNIQUE("tenant_id","number","decided_on")
);
--> statement-breakpoint
CREATE TABLE "award_files" (
	"tenant_id" integer NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"owner_kind" text NOT NULL,
	"owner_id" uuid NOT NULL,
	"purpose" text NOT NULL,
	"file_name" text NOT NULL,
	"content_type" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"sha256" text NOT NULL,
	"content" "bytea" NOT NULL,
	"uploaded_by" text,
	"uploaded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "award_files_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "award_kinds" (
	"code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"short_name" text NOT NULL,
	"form" text NOT NULL,
	"level" text NOT NULL,
	"recipients" text NOT NULL,
	"once_per_recipient" boolean DEFAULT false NOT NULL,
	"min_years_between" integer,
	"proposed_by" text DEFAULT 'alliance' NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"updated_by" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "award_proposals" (
	"tenant_id" integer NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"year" integer NOT NULL,
	"award_kind_code" text NOT NULL,
	"recipient_kind" text NOT NULL,
	"organisation_id" uuid,
	"recipient_name" text NOT NULL,
	"person_position" text,
	"person_birth_date" date,
	"person_id_number" text,
	"person_key" text,
	"achievements" text DEFAULT '' NOT NULL,
	"block_id" uuid,
	"state" text DEFAULT 'draft' NOT NULL,
	"warnings" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"council_met_on" date,
	"council_members" text,
	"votes_for" integer,
	"votes_against" integer,
	"votes_abstain" integer,
	"council_result" text,
	"council_note" text,
	"decision_id" uuid,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "award_proposals_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "awards" (
	"tenant_id" integer NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"year" integer NOT NULL,
	"award_kind_code" text NOT NULL,
	"recipient_kind" text NOT NULL,
	"organisation_id" uuid,
	"recipient_name" text NOT NULL,
	"person_position" text,
	"person_birth_date" date,
	"person_id_number" text,
	"person_key" text,
	"commune_code" text,
	"decision_id" uuid,
	"decision_number" text,
	"decided_on" date,
	"cash_vnd" bigint DEFAULT 0 NOT NULL,
	"proposal_id" uuid,
	"source" text DEFAULT 'decision' NOT NULL,
	"revoked_on" date,
	"revoke_reason" text,
	"revoke_decision_number" text,
	"recover_object" text,
	"recover_cash_vnd" bigint,
	"search_text" text DEFAULT '' NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "awards_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "emulation_block_members" (
	"tenant_id" integer NOT NULL,
	"block_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"added_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "emulation_block_members_tenant_id_block_id_organisation_id_pk" PRIMARY KEY("tenant_id","block_id","organisation_id")
);
--> statement-breakpoint
CREATE TABLE "emulation_blocks" (
	"tenant_id" integer NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"year" integer NOT NULL,
	"name" text NOT NULL,
	"head_organisation_id" uuid,
	"deputy_organisation_id" uuid,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "emulation_blocks_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "emulation_blocks_name_key" UNIQUE("tenant_id","year","name")
);
--> statement-breakpoint
CREATE TABLE "emulation_criteria" (
	"tenant_id" integer NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"pact_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"name" text NOT NULL,
	"unit" text NOT NULL,
	"target" numeric(18, 4) NOT NULL,
	"points" integer NOT NULL,
	"max_points" integer NOT NULL,
	"direction" text DEFAULT 'higher_better' NOT NULL,
	"rule" jsonb DEFAULT '{}'::jsonb NOT NULL,
	CONSTRAINT "emulation_criteria_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "emulation_pacts" (
	"tenant_id" integer NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"block_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"title" text NOT NULL,
	"signed_on" date,
	"state" text DEFAULT 'draft' NOT NULL,
	"tie_break" text DEFAULT 'criteria_order' NOT NULL,
	"review_minutes" text,
	"scoreboard_published_at" timestamp with time zone,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "emulation_pacts_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "emulation_pacts_block_key" UNIQUE("tenant_id","block_id")
);
--> statement-breakpoint
CREATE TABLE "emulation_results" (
	"tenant_id" integer NOT NULL,
	"pact_id" uuid NOT NULL,
	"criterion_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"value" numeric(18, 4) NOT NULL,
	"note" text,
	"source" text DEFAULT 'member' NOT NULL,
	"reported_by" text,
	"reported_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "emulation_results_tenant_id_criterion_id_organisation_id_pk" PRIMARY KEY("tenant_id","criterion_id","organisation_id")
);
--> statement-breakpoint
CREATE INDEX "award_files_owner_idx" ON "award_files" USING btree ("tenant_id","owner_kind","owner_id");--> statement-breakpoint
CREATE INDEX "award_proposals_year_idx" ON "award_proposals" USING btree ("tenant_id","year","state");--> statement-breakpoint
CREATE INDEX "awards_year_idx" ON "awards" USING btree ("tenant_id","year","award_kind_code");--> statement-breakpoint
CREATE INDEX "awards_organisation_idx" ON "awards" USING btree ("tenant_id","organisation_id");--> statement-breakpoint
CREATE INDEX "awards_person_idx" ON "awards" USING btree ("tenant_id","person_key");--> statement-breakpoint
CREATE INDEX "awards_search_idx" ON "awards" USING gin ("search_text" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "emulation_block_members_org_idx" ON "emulation_block_members" USING btree ("tenant_id","organisation_id");--> statement-breakpoint
CREATE INDEX "emulation_criteria_pact_idx" ON "emulation_criteria" USING btree ("tenant_id","pact_id","position");--> statement-breakpoint
CREATE INDEX "emulation_results_pact_idx" ON "emulation_results" USING btree ("tenant_id","pact_id","organisation_id");--> statement-breakpoint
INSERT INTO "award_kinds" ("code", "name", "short_name", "form", "level", "recipients", "once_per_recipient", "min_years_between", "proposed_by", "position") VALUES
('flag_government', 'Cờ thi đua của Chính phủ', 'Cờ thi đua của Chính phủ', 'flag', 'government', 'collective', false, 1, 'alliance', 10),
('flag_ministry', 'Cờ thi đua của Bộ, ngành trung ương', 'Cờ thi đua cấp bộ', 'flag', 'ministry', 'collective', false, 1, 'alliance', 20),
('flag_province', 'Cờ thi đua của UBND tỉnh', 'Cờ thi đua của UBND tỉnh', 'flag', 'province', 'collective', false, 1, 'alliance', 30),
('flag_vca', 'Cờ thi đua của Ban chấp hành Liên minh HTX Việt Nam', 'Cờ thi đua của Liên minh HTX Việt Nam', 'flag', 'vca', 'collective', false, 1, 'alliance', 40),
('merit_prime_minister', 'Bằng khen của Thủ tướng Chính phủ', 'Bằng khen của Thủ tướng', 'certificate_of_merit', 'prime_minister', 'both', false, 5, 'alliance', 50),
('merit_ministry', 'Bằng khen của Bộ trưởng, Thủ trưởng ngành trung ương', 'Bằng khen cấp bộ', 'certificate_of_merit', 'ministry', 'both', false, 3, 'alliance', 60),
('merit_province', 'Bằng khen của Chủ tịch UBND tỉnh', 'Bằng khen của Chủ tịch UBND tỉnh', 'certificate_of_merit', 'province', 'both', false, 3, 'alliance', 70),
('merit_vca', 'Bằng khen của Liên minh HTX Việt Nam', 'Bằng khen của Liên minh HTX Việt Nam', 'certificate_of_merit', 'vca', 'both', false, 2, 'alliance', 80),
('medal_coop', 'Kỷ niệm chương "Vì sự nghiệp phát triển HTX"', 'Kỷ niệm chương "Vì sự nghiệp phát triển HTX"', 'medal', 'vca', 'individual', true, NULL, 'alliance', 90),
('commendation_alliance', 'Giấy khen của Liên minh HTX tỉnh', 'Giấy khen của Liên minh HTX tỉnh', 'certificate_of_commendation', 'alliance', 'both', false, 1, 'self', 100),
('title_excellent_collective', 'Danh hiệu Tập thể lao động xuất sắc', 'Tập thể lao động xuất sắc', 'title', 'province', 'collective', false, 1, 'alliance', 110),
('title_grassroots_fighter', 'Danh hiệu Chiến sĩ thi đua cơ sở', 'Chiến sĩ thi đua cơ sở', 'title', 'alliance', 'individual', false, 1, 'self', 120),
('coopstar', 'Giải thưởng Ngôi sao HTX (CoopStar) của Liên minh HTX Việt Nam', 'Ngôi sao HTX (CoopStar)', 'coopstar', 'vca', 'collective', false, 2, 'alliance', 130);
