import { computeCheckDigit } from '../../../shared/registration-number.ts';
import type { OrganisationInput } from '../../../shared/organisation.ts';
import { seededRandom, type Random } from './random.ts';

const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Vũ', 'Đỗ', 'Ngô', 'Dương', 'Đào'];
const MIDDLE = ['Văn', 'Thị', 'Đức', 'Minh', 'Thu', 'Quang', 'Hữu'];
const GIVEN = ['An', 'Bình', 'Cường', 'Dung', 'Hạnh', 'Hùng', 'Lan', 'Mai', 'Nam', 'Thảo', 'Tuấn', 'Yến'];
export const PRODUCTS: Record<string, readonly string[]> = {
  agriculture: ['Vải thiều', 'Lúa gạo', 'Rau an toàn', 'Chè', 'Cam', 'Bưởi', 'Nấm', 'Chăn nuôi', 'Dịch vụ nông nghiệp'],
  forestry: ['Lâm nghiệp', 'Trồng rừng', 'Gỗ rừng trồng'],
  fishery: ['Thủy sản', 'Nuôi cá'],
  industry_handicraft: ['Mây tre đan', 'Gốm', 'Mộc', 'Bún', 'Mỳ Chũ'],
  construction: ['Xây dựng'],
  transport: ['Vận tải'],
  trade_services: ['Thương mại', 'Dịch vụ tổng hợp'],
  environment: ['Môi trường', 'Vệ sinh môi trường'],
  electricity_water: ['Điện năng', 'Nước sạch'],
  credit_fund: [],
};

/** A valid registration number (tax code) with its check digit; province prefix 24 (Bắc Giang). */
export function buildRegistrationNumber(random: Random, prefix = '24'): string {
  for (;;) {
    const first9 = prefix + String(random.int(0, 10 ** (9 - prefix.length) - 1)).padStart(9 - prefix.length, '0');
    const check = computeCheckDigit(first9);
    if (check !== undefined) return `${first9}${check}`;
  }
}

export function buildPersonName(random: Random): string {
  return `${random.pick(FAMILY)} ${random.pick(MIDDLE)} ${random.pick(GIVEN)}`;
}

const defaultRandom = seededRandom(1);

/** An organisation as the forms and the importer produce it; every field can be overridden. */
export function buildOrganisation(overrides: Partial<OrganisationInput> = {}, random: Random = defaultRandom): OrganisationInput {
  const sectorCode = overrides.sectorCode ?? 'agriculture';
  const commune = overrides.registeredCommune ?? 'Xã Tân Dĩnh';
  const product = random.pick(PRODUCTS[sectorCode] ?? ['Dịch vụ']);
  const kind = overrides.kind ?? (sectorCode === 'credit_fund' ? 'QTDND' : 'HTX');
  const communeName = commune.replace(/^(Xã|Phường|Thị trấn) /, '');
  return {
    kind,
    registrationNumber: buildRegistrationNumber(random),
    name: kind === 'QTDND' ? `Quỹ tín dụng nhân dân ${communeName}` : `Hợp tác xã ${product} ${communeName}`,
    status: 'active',
    foundedOn: '2015-03-12',
    registeredCommune: commune,
    registeredDistrict: 'Lạng Giang',
    address: `${commune}, ${overrides.registeredDistrict ?? 'Lạng Giang'}, Bắc Giang`,
    sectorCode,
    charterCapitalVnd: String(random.int(2, 60) * 50_000_000),
    membersOfficial: random.int(7, 60),
    membersAssociatedCapital: 0,
    membersAssociatedNoCapital: 0,
    workers: random.int(2, 30),
    representative: buildPersonName(random),
    phone: `09${String(random.int(0, 99_999_999)).padStart(8, '0')}`,
    ...overrides,
  };
}
