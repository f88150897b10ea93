// The words of expert consultations (decision 008), with their Vietnamese labels: the server's messages, the
// staff pages' dictionary and the manager's light page read the same lists. No server code here: the web imports it.

export const CONSULTATION_TOPICS = ['business_plan', 'accounting', 'law', 'technique', 'market', 'digital', 'fund_access', 'other'] as const;
export type ConsultationTopic = (typeof CONSULTATION_TOPICS)[number];

export const CONSULTATION_STATES = ['requested', 'scheduled', 'done', 'cancelled'] as const;
export type ConsultationState = (typeof CONSULTATION_STATES)[number];

export const CONSULTATION_FORMS = ['visit', 'online', 'at_alliance'] as const;
export type ConsultationForm = (typeof CONSULTATION_FORMS)[number];

/** How a request reached the alliance (the difficulties' channels that fit a request for advice). */
export const CONSULTATION_CHANNELS = ['online', 'conference', 'visit', 'phone', 'staff'] as const;
export type ConsultationChannel = (typeof CONSULTATION_CHANNELS)[number];

export const TOPIC_LABELS: Record<ConsultationTopic, string> = {
  business_plan: 'Phương án sản xuất, kinh doanh',
  accounting: 'Kế toán, tài chính',
  law: 'Pháp luật',
  technique: 'Kỹ thuật sản xuất',
  market: 'Thị trường, tiêu thụ',
  digital: 'Chuyển đổi số',
  fund_access: 'Tiếp cận vốn quỹ hỗ trợ',
  other: 'Khác',
};

export const STATE_LABELS: Record<ConsultationState, string> = {
  requested: 'Chờ phân công',
  scheduled: 'Đã hẹn lịch',
  done: 'Đã tư vấn',
  cancelled: 'Đã hủy',
};

export const FORM_LABELS: Record<ConsultationForm, string> = {
  visit: 'Đến tận nơi',
  online: 'Trực tuyến',
  at_alliance: 'Tại Liên minh',
};

export const CHANNEL_LABELS: Record<ConsultationChannel, string> = {
  online: 'Trực tuyến',
  conference: 'Hội nghị đối thoại',
  visit: 'Khảo sát, làm việc',
  phone: 'Điện thoại',
  staff: 'Cán bộ phát hiện',
};
