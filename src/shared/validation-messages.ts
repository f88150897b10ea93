import { z } from 'zod';

type Issue = Parameters<z.core.$ZodErrorMap>[0];

const number = (n: unknown) => (typeof n === 'number' || typeof n === 'bigint' ? Number(n).toLocaleString('vi-VN') : String(n));

/**
 * Validation messages in plain Vietnamese, for what a schema did not word itself ("phải là một số", "dài quá 300
 * ký tự"), never zod's technical wording ("expected number, received NaN", "string"). The field's label is put
 * in front by whoever shows the message (the API's error handler, the form beside its field).
 */
export function vietnameseIssue(issue: Issue): string {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined || issue.input === null) return 'chưa nhập (bắt buộc)';
      if (issue.expected === 'number' || issue.expected === 'bigint' || issue.expected === 'int') return 'phải là một số';
      if (issue.expected === 'string') return 'phải là chữ';
      if (issue.expected === 'boolean') return 'phải là có hoặc không';
      if (issue.expected === 'array') return 'phải là một danh sách';
      if (issue.expected === 'date') return 'phải là một ngày';
      return 'không đúng kiểu dữ liệu';
    case 'too_big':
      if (issue.origin === 'string') return `dài quá ${number(issue.maximum)} ký tự`;
      if (issue.origin === 'array' || issue.origin === 'set') return `nhiều nhất ${number(issue.maximum)} mục`;
      return issue.inclusive ? `không được lớn hơn ${number(issue.maximum)}` : `phải nhỏ hơn ${number(issue.maximum)}`;
    case 'too_small':
      if (issue.origin === 'string') return Number(issue.minimum) <= 1 ? 'chưa nhập (bắt buộc)' : `phải có ít nhất ${number(issue.minimum)} ký tự`;
      if (issue.origin === 'array' || issue.origin === 'set') return `cần ít nhất ${number(issue.minimum)} mục`;
      return issue.inclusive ? `không được nhỏ hơn ${number(issue.minimum)}` : `phải lớn hơn ${number(issue.minimum)}`;
    case 'invalid_format':
      if (issue.format === 'email') return 'không phải địa chỉ thư điện tử hợp lệ';
      return 'không đúng định dạng';
    case 'not_multiple_of':
      return `phải là bội số của ${number(issue.divisor)}`;
    case 'invalid_value':
      return 'không nằm trong các lựa chọn cho phép';
    case 'unrecognized_keys':
      return `không nhận ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
    default:
      return 'không hợp lệ';
  }
}

/** Makes every zod schema of this process speak Vietnamese where it says nothing of its own. */
export function useVietnameseValidation(): void {
  z.config({ customError: vietnameseIssue });
}
