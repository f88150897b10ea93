// Vite's import.meta.glob, for the one use in MemberApp.tsx (the project's types do not include vite/client).
interface ImportMeta {
  glob<T = unknown>(pattern: string): Record<string, () => Promise<T>>;
}
