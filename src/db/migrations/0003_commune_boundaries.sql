CREATE TABLE "commune_boundaries" (
	"code" text PRIMARY KEY NOT NULL,
	"province_code" text NOT NULL,
	"geometry" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" text NOT NULL
);
--> statement-breakpoint
CREATE INDEX "commune_boundaries_province_idx" ON "commune_boundaries" USING btree ("province_code");