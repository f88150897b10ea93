// The eligibility rules (decision 010) as properties over made-up registers: whoever holds the medal is always
// blocked, a revoked medal never blocks, the messages name the recipient and the earlier decision.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { blockingWarnings, eligibilityWarnings, personKeyOf, type HeldAward, type KindRule } from './award-eligibility.ts';

const MEDAL: KindRule = { code: 'medal_coop', name: 'Kỷ niệm chương "Vì sự nghiệp phát triển HTX"', recipients: 'individual', oncePerRecipient: true, minYearsBetween: null };
const MERIT: KindRule = { code: 'merit_vca', name: 'Bằng khen của Liên minh HTX Việt Nam', recipients: 'both', oncePerRecipient: false, minYearsBetween: 2 };
const FLAG: KindRule = { code: 'flag_province', name: 'Cờ thi đua của UBND tỉnh', recipients: 'collective', oncePerRecipient: false, minYearsBetween: 1 };

const NAMES = ['Nguyễn Văn An', 'Trần Thị Bình', 'Lê Văn Cường', 'Phạm Thị Dung'];
const held = (name: string, over: Partial<HeldAward> = {}): HeldAward => ({
  awardKindCode: 'medal_coop',
  year: 2020,
  recipientKind: 'individual',
  organisationId: null,
  recipientName: name,
  personKey: personKeyOf(name, '001080012345'),
  decisionNumber: '125/QĐ-LMHTXVN',
  decidedOn: '2021-03-05',
  revokedOn: null,
  ...over,
});

const heldArb = fc.record({
  name: fc.constantFrom(...NAMES),
  kind: fc.constantFrom('medal_coop', 'merit_vca', 'flag_province'),
  year: fc.integer({ min: 2010, max: 2030 }),
  revoked: fc.boolean(),
});

describe('eligibility warnings', () => {
  it('always blocks a person who holds the medal (not revoked), whatever else the register holds', () => {
    fc.assert(
      fc.property(fc.constantFrom(...NAMES), fc.array(heldArb, { maxLength: 12 }), fc.integer({ min: 2010, max: 2030 }), (name, others, year) => {
        const register = [held(name), ...others.map((o) => held(o.name, { awardKindCode: o.kind, year: o.year, revokedOn: o.revoked ? '2024-01-01' : null }))];
        const candidate = { year, recipientKind: 'individual' as const, recipientName: name, organisationId: null, personKey: personKeyOf(name, '001080012345') };
        const blocking = blockingWarnings(eligibilityWarnings(MEDAL, candidate, register));
        expect(blocking.map((w) => w.code)).toEqual(['already_holds']);
        expect(blocking[0]!.message).toContain(name);
      }),
    );
  });

  it('never blocks on a revoked medal, nor on another person\'s', () => {
    fc.assert(
      fc.property(fc.array(heldArb, { maxLength: 12 }), (rows) => {
        const name = 'Hoàng Văn Em';
        const register = [held(name, { revokedOn: '2022-05-01' }), ...rows.map((o) => held(o.name, { awardKindCode: o.kind, year: o.year, revokedOn: o.revoked ? '2024-01-01' : null }))];
        const candidate = { year: 2023, recipientKind: 'individual' as const, recipientName: name, organisationId: null, personKey: personKeyOf(name, '001080012345') };
        expect(eligibilityWarnings(MEDAL, candidate, register)).toEqual([]);
      }),
    );
  });

  it('writes the decision\'s message: the person, the earlier decision and its date, once only', () => {
    const candidate = { year: 2023, recipientKind: 'individual' as const, recipientName: 'Nguyễn Văn An', organisationId: null, personKey: personKeyOf('NGUYEN VAN AN', '001080012345') };
    const [warning] = eligibilityWarnings(MEDAL, candidate, [held('Nguyễn Văn An')]);
    expect(warning).toEqual({
      code: 'already_holds',
      message: 'Nguyễn Văn An đã được tặng Kỷ niệm chương "Vì sự nghiệp phát triển HTX" theo Quyết định số 125/QĐ-LMHTXVN ngày 05/03/2021; hình thức này chỉ tặng một lần.',
    });
  });

  it('recognises a person by name and ID number, accent-free: the same name with another ID is another person', () => {
    const other = { year: 2023, recipientKind: 'individual' as const, recipientName: 'Nguyễn Văn An', organisationId: null, personKey: personKeyOf('Nguyễn Văn An', '001099999999') };
    expect(eligibilityWarnings(MEDAL, other, [held('Nguyễn Văn An')])).toEqual([]);
  });

  it('warns (without blocking) when the years between two awards are too few', () => {
    const org = '6f1e1c1e-0000-4000-8000-000000000001';
    const candidate = { year: 2023, recipientKind: 'collective' as const, recipientName: 'HTX Bưởi Diễn', organisationId: org, personKey: null };
    const register = [held('HTX Bưởi Diễn', { awardKindCode: 'merit_vca', recipientKind: 'collective', organisationId: org, personKey: null, year: 2022 })];
    const warnings = eligibilityWarnings(MERIT, candidate, register);
    expect(warnings.map((w) => w.code)).toEqual(['too_soon']);
    expect(warnings[0]!.message).toContain('cách nhau ít nhất 2 năm');
    expect(blockingWarnings(warnings)).toEqual([]);
    expect(eligibilityWarnings(MERIT, { ...candidate, year: 2024 }, register)).toEqual([]);
  });

  it('blocks the wrong recipient kind; warns of a dissolved organisation and of one outside the block', () => {
    const org = '6f1e1c1e-0000-4000-8000-000000000002';
    const person = { year: 2024, recipientKind: 'individual' as const, recipientName: 'Lê Văn Cường', organisationId: org, personKey: personKeyOf('Lê Văn Cường', null, null, org) };
    const warnings = eligibilityWarnings(FLAG, person, []);
    expect(blockingWarnings(warnings)[0]).toMatchObject({ code: 'wrong_recipient_kind', message: 'Cờ thi đua của UBND tỉnh chỉ tặng cho tập thể; Lê Văn Cường là cá nhân.' });
    const collective = { year: 2024, recipientKind: 'collective' as const, recipientName: 'HTX Gốm Thổ Hà', organisationId: org, personKey: null };
    const context = { organisation: { name: 'HTX Gốm Thổ Hà', status: 'dissolved' }, block: { name: 'Cụm thi đua HTX nông nghiệp 2024', memberIds: ['other'] } };
    const codes = eligibilityWarnings(FLAG, collective, [], context).map((w) => w.code);
    expect(codes).toEqual(['not_block_member', 'dissolved']);
    expect(blockingWarnings(eligibilityWarnings(FLAG, collective, [], context))).toEqual([]);
  });
});
