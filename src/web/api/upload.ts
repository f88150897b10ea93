import { toApiError } from './client.ts';

export type UploadProgress = { phase: 'uploading'; percent: number } | { phase: 'processing' };

/**
 * Sends one file as multipart field "file" with XMLHttpRequest, because fetch cannot report upload
 * progress. Reports the upload's percentage, then "processing" while the server works on it.
 */
export function uploadFile<T>(url: string, file: File, onProgress: (progress: UploadProgress) => void): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    xhr.withCredentials = false; // same origin: the session cookie goes anyway
    xhr.setRequestHeader('accept', 'application/json');
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress({ phase: 'uploading', percent: Math.round((event.loaded / event.total) * 100) });
    };
    xhr.upload.onload = () => onProgress({ phase: 'processing' });
    xhr.onload = async () => {
      if (xhr.status >= 200 && xhr.status < 300) {
        try {
          resolve(JSON.parse(xhr.responseText) as T);
        } catch {
          reject(await toApiError(xhr.status, ''));
        }
      } else {
        reject(await toApiError(xhr.status, xhr.responseText));
      }
    };
    xhr.onerror = async () => reject(await toApiError(0, ''));
    const form = new FormData();
    form.append('file', file, file.name);
    onProgress({ phase: 'uploading', percent: 0 });
    xhr.send(form);
  });
}
