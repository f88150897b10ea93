import { Form } from 'antd';
import type { ReactNode } from 'react';

/** An antd form row showing an error (from the shared zod schema or the server) under its input. */
export function FormField({ label, htmlFor, error, help, required, children }: {
  label: ReactNode;
  htmlFor: string;
  error?: string;
  help?: ReactNode;
  required?: boolean;
  children: ReactNode;
}) {
  return (
    <Form.Item label={label} htmlFor={htmlFor} required={required} validateStatus={error ? 'error' : undefined} help={error ?? help} style={{ marginBottom: 16 }}>
      {children}
    </Form.Item>
  );
}
