import { Form } from 'antd';
import type { ReactNode } from 'react';
import { get, type FieldErrors } from 'react-hook-form';

/** An antd form row showing react-hook-form's error for a field (from the shared zod schema or the server). */
export function FormField({ label, name, errors, help, required, children }: {
  label: ReactNode;
  name: string;
  errors: FieldErrors;
  help?: ReactNode;
  required?: boolean;
  children: ReactNode;
}) {
  const error = get(errors, name) as { message?: string } | undefined;
  return (
    <Form.Item
      label={label}
      htmlFor={name}
      required={required}
      validateStatus={error ? 'error' : undefined}
      help={error?.message ?? help}
      style={{ marginBottom: 16 }}
    >
      {children}
    </Form.Item>
  );
}
