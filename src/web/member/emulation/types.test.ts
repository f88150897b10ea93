import { describe, expect, it } from 'vitest';
import { typedNumber, viNumber } from './types.ts';

describe('a result typed on a phone', () => {
  it('reads the decimal comma, thousands with dots or spaces, and sends a plain decimal', () => {
    expect(typedNumber('12,5')).toBe('12.5');
    expect(typedNumber('12.5')).toBe('12.5');
    expect(typedNumber('1.250,75')).toBe('1250.75');
    expect(typedNumber(' 1 250 ')).toBe('1250');
    expect(typedNumber('-3')).toBe('-3');
  });

  it('sends an empty field as no result, and anything else for the server to name', () => {
    expect(typedNumber('   ')).toBeNull();
    expect(typedNumber('mười')).toBe('mười');
  });

  it('shows a stored decimal with a comma', () => {
    expect(viNumber('17.5')).toBe('17,5');
    expect(viNumber(null)).toBe('');
  });
});
