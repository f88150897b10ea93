CREATE TABLE "events" (
	"tenant_id" integer NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"title" text NOT NULL,
	"kind" text NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"place" text,
	"online" boolean DEFAULT false NOT NULL,
	"organiser" text,
	"summary" text DEFAULT '' NOT NULL,
	"published" boolean DEFAULT false NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "events_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "events_slug_key" UNIQUE("tenant_id","slug")
);
--> statement-breakpoint
CREATE TABLE "legal_documents" (
	"tenant_id" integer NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"number_symbol" text NOT NULL,
	"number_key" text NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"issuer" text NOT NULL,
	"issued_on" date NOT NULL,
	"effective_on" date,
	"summary" text DEFAULT '' NOT NULL,
	"file_id" uuid,
	"published" boolean DEFAULT true NOT NULL,
	"search_text" text DEFAULT '' NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "legal_documents_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "legal_documents_slug_key" UNIQUE("tenant_id","slug")
);
--> statement-breakpoint
CREATE TABLE "portal_article_versions" (
	"tenant_id" integer NOT NULL,
	"article_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"title" text NOT NULL,
	"summary" text NOT NULL,
	"body_html" text NOT NULL,
	"category_id" uuid,
	"cover_image_id" uuid,
	"tags" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"author_name" text,
	"author_position" text,
	"state" text NOT NULL,
	"note" text,
	"saved_by" text,
	"saved_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "portal_article_versions_tenant_id_article_id_version_pk" PRIMARY KEY("tenant_id","article_id","version")
);
--> statement-breakpoint
CREATE TABLE "portal_articles" (
	"tenant_id" integer NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"kind" text DEFAULT 'news' NOT NULL,
	"slug" text NOT NULL,
	"category_id" uuid,
	"title" text NOT NULL,
	"summary" text DEFAULT '' NOT NULL,
	"body_html" text DEFAULT '' NOT NULL,
	"cover_image_id" uuid,
	"tags" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"author_name" text,
	"author_position" text,
	"state" text DEFAULT 'draft' NOT NULL,
	"publish_at" timestamp with time zone,
	"published_at" timestamp with time zone,
	"unpublished_at" timestamp with time zone,
	"menu_order" integer DEFAULT 0 NOT NULL,
	"search_text" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"legacy_nid" integer,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "portal_articles_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "portal_articles_slug_key" UNIQUE("tenant_id","kind","slug")
);
--> statement-breakpoint
CREATE TABLE "portal_categories" (
	"tenant_id" integer NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"kind" text DEFAULT 'news' NOT NULL,
	"path" text,
	"menu_order" integer DEFAULT 0 NOT NULL,
	"in_menu" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "portal_categories_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "portal_categories_slug_key" UNIQUE("tenant_id","slug")
);
--> statement-breakpoint
CREATE TABLE "portal_content_versions" (
	"tenant_id" integer PRIMARY KEY NOT NULL,
	"version" bigint DEFAULT 0 NOT NULL,
	"changed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "portal_files" (
	"tenant_id" integer NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"file_name" text NOT NULL,
	"content_type" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"sha256" text NOT NULL,
	"content" "bytea" NOT NULL,
	"uploaded_by" text,
	"uploaded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "portal_files_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "portal_image_variants" (
	"tenant_id" integer NOT NULL,
	"image_id" uuid NOT NULL,
	"width" integer NOT NULL,
	"format" text NOT NULL,
	"height" integer NOT NULL,
	"size_bytes" integer NOT NULL,
	"content" "bytea" NOT NULL,
	CONSTRAINT "portal_image_variants_tenant_id_image_id_width_format_pk" PRIMARY KEY("tenant_id","image_id","width","format")
);
--> statement-breakpoint
CREATE TABLE "portal_images" (
	"tenant_id" integer NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"original_name" text NOT NULL,
	"width" integer NOT NULL,
	"height" integer NOT NULL,
	"alt" text DEFAULT '' NOT NULL,
	"caption" text,
	"sha256" text NOT NULL,
	"source_url" text,
	"uploaded_by" text,
	"uploaded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "portal_images_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "portal_redirects" (
	"tenant_id" integer NOT NULL,
	"old_path" text NOT NULL,
	"target_path" text NOT NULL,
	"source" text DEFAULT 'manual' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "portal_redirects_tenant_id_old_path_pk" PRIMARY KEY("tenant_id","old_path")
);
--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "portal_editor" boolean DEFAULT false NOT NULL;--> statement-breakpoint
CREATE INDEX "events_dates_idx" ON "events" USING btree ("tenant_id","starts_on");--> statement-breakpoint
CREATE INDEX "legal_documents_listing_idx" ON "legal_documents" USING btree ("tenant_id","kind","issued_on");--> statement-breakpoint
CREATE INDEX "legal_documents_search_idx" ON "legal_documents" USING gin ("search_text" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "legal_documents_number_idx" ON "legal_documents" USING gin ("number_key" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "portal_articles_listing_idx" ON "portal_articles" USING btree ("tenant_id","state","published_at");--> statement-breakpoint
CREATE INDEX "portal_articles_category_idx" ON "portal_articles" USING btree ("tenant_id","category_id","published_at");--> statement-breakpoint
CREATE INDEX "portal_articles_search_idx" ON "portal_articles" USING gin ("search_text" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "portal_images_sha_idx" ON "portal_images" USING btree ("tenant_id","sha256");