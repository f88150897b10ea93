/**
 * The files of one difficulty on their way to the server, one at a time (a slow link shared by several uploads
 * finishes none): each photo made smaller first, its progress shown, a failure kept with the server's message and
 * a retry. Files chosen before the difficulty exists wait until it is created (their upload needs its id).
 */
import { useCallback, useRef, useState } from 'react';
import { ApiError } from '../../api/client.ts';
import { uploadFile } from '../../api/upload.ts';
import type { AttachedFile } from './labels.ts';
import { shrinkPhoto } from './photos.ts';

export const MAX_FILES = 10;

export type Upload = {
  key: string;
  name: string;
  size: number;
  status: 'waiting' | 'shrinking' | 'uploading' | 'processing' | 'done' | 'failed';
  percent: number;
  error?: string;
  stored?: AttachedFile;
};

let counter = 0;

export function useUploads() {
  const [uploads, setUploads] = useState<Upload[]>([]);
  const files = useRef(new Map<string, File>());
  const queue = useRef<{ running: boolean; difficultyId: string | null; keys: string[] }>({ running: false, difficultyId: null, keys: [] });

  const change = useCallback((key: string, patch: Partial<Upload>) => setUploads((all) => all.map((u) => (u.key === key ? { ...u, ...patch } : u))), []);

  const run = useCallback(async () => {
    const q = queue.current;
    if (q.running || !q.difficultyId) return;
    q.running = true;
    try {
      while (q.keys.length) {
        const key = q.keys.shift()!;
        const original = files.current.get(key);
        if (!original) continue;
        change(key, { status: 'shrinking', percent: 0, error: undefined });
        // A photo the browser cannot redraw goes as it is (the server still checks it).
        const file = await shrinkPhoto(original).catch(() => original);
        // A retry sends the smaller copy without making it again.
        files.current.set(key, file);
        change(key, { name: file.name, size: file.size, status: 'uploading' });
        try {
          const stored = await uploadFile<AttachedFile>(`/api/difficulties/${q.difficultyId}/files`, file, (p) =>
            change(key, p.phase === 'uploading' ? { status: 'uploading', percent: p.percent } : { status: 'processing', percent: 100 }),
          );
          files.current.delete(key);
          change(key, { status: 'done', percent: 100, stored, name: stored.fileName ?? file.name, size: stored.sizeBytes ?? file.size });
        } catch (error) {
          change(key, { status: 'failed', error: error instanceof ApiError ? error.message : 'Không gửi được tệp. Kiểm tra mạng rồi thử lại.' });
        }
      }
    } finally {
      q.running = false;
    }
  }, [change]);

  /** Adds files chosen on the phone; they are sent now if the difficulty exists, else when `start` is called. */
  const add = useCallback(
    (chosen: File[]) => {
      const added = chosen.map((file) => {
        const key = `f${++counter}`;
        files.current.set(key, file);
        return { key, name: file.name, size: file.size, status: 'waiting' as const, percent: 0 };
      });
      setUploads((all) => [...all, ...added]);
      queue.current.keys.push(...added.map((u) => u.key));
      void run();
    },
    [run],
  );

  const remove = useCallback((key: string) => {
    files.current.delete(key);
    queue.current.keys = queue.current.keys.filter((k) => k !== key);
    setUploads((all) => all.filter((u) => u.key !== key));
  }, []);

  /** The difficulty exists: its waiting files go. */
  const start = useCallback(
    (difficultyId: string) => {
      queue.current.difficultyId = difficultyId;
      void run();
    },
    [run],
  );

  const retry = useCallback(
    (key: string) => {
      change(key, { status: 'waiting', error: undefined, percent: 0 });
      queue.current.keys.push(key);
      void run();
    },
    [change, run],
  );

  return { uploads, add, remove, start, retry };
}
