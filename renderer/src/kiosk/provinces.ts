/**
 * The mainland provinces (GB/T 2260 level 1) the kiosk's 就医地 picker starts from: a citizen taps a
 * province, then a city from the region catalogue (catalogues.regions by code prefix). Hong Kong, Macao and
 * Taiwan are left out: no 异地就医备案 there (services/catalogues/regions medicalPlaceProblem).
 */
export const PROVINCES: ReadonlyArray<{ prefix: string; name: string }> = [
  { prefix: '11', name: '北京' },
  { prefix: '12', name: '天津' },
  { prefix: '13', name: '河北' },
  { prefix: '14', name: '山西' },
  { prefix: '15', name: '内蒙古' },
  { prefix: '21', name: '辽宁' },
  { prefix: '22', name: '吉林' },
  { prefix: '23', name: '黑龙江' },
  { prefix: '31', name: '上海' },
  { prefix: '32', name: '江苏' },
  { prefix: '33', name: '浙江' },
  { prefix: '34', name: '安徽' },
  { prefix: '35', name: '福建' },
  { prefix: '36', name: '江西' },
  { prefix: '37', name: '山东' },
  { prefix: '41', name: '河南' },
  { prefix: '42', name: '湖北' },
  { prefix: '43', name: '湖南' },
  { prefix: '44', name: '广东' },
  { prefix: '45', name: '广西' },
  { prefix: '46', name: '海南' },
  { prefix: '50', name: '重庆' },
  { prefix: '51', name: '四川' },
  { prefix: '52', name: '贵州' },
  { prefix: '53', name: '云南' },
  { prefix: '54', name: '西藏' },
  { prefix: '61', name: '陕西' },
  { prefix: '62', name: '甘肃' },
  { prefix: '63', name: '青海' },
  { prefix: '64', name: '宁夏' },
  { prefix: '65', name: '新疆' },
];
