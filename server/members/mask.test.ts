import { describe, expect, it } from 'vitest';
import { maskIdNumber, maskMemberFor, maskPhone } from './mask';

describe('masking', () => {
  it('keeps the first three and last four digits of a phone', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
  });
  it('keeps the first four and last four characters of an id number', () => {
    expect(maskIdNumber('110101199001011234')).toBe('1101**********1234');
    expect(maskIdNumber('11010119900101123X')).toBe('1101**********123X');
  });
  it('masks short values entirely', () => {
    expect(maskPhone('12345')).toBe('*****');
  });
  it('shows raw values to the person only', () => {
    const m = {
      id: 'm-1',
      name: '张三',
      kind: 'STUDENT',
      stage: 'FULL',
      role: 'MEMBER',
      branchId: 'b-1',
      groupId: null,
      since: 0,
      stageSince: 0,
      phone: '13812345678',
      idNumber: '110101199001011234',
      createdAt: 0,
      updatedAt: 0,
    } as const;
    expect(maskMemberFor('m-1', m).phone).toBe('13812345678');
    expect(maskMemberFor('m-2', m)).toMatchObject({ phone: '138****5678', idNumber: '1101**********1234' });
    expect(maskMemberFor('m-2', { ...m, phone: null }).phone).toBeNull();
  });
});
