/**
 * Page paths that leave the app inside QR codes and messages (gate codes, rating codes,
 * certificate cards, reminders). Declared once for the server, which prints them into
 * codes, and for the client, whose app.config must declare them (tested).
 */
export const PAGES = {
  /** Opened by a company's gate code (scene `c=<companyId>`). */
  officerPreview: 'officer/preview/index',
  officerRecordResult: 'officer/record-result/index',
  /** Opened by the rating code the officer shows after recording the result. */
  enterpriseRate: 'enterprise/rate/index',
  /** Opened by an officer's certificate card (亮证) QR code. */
  enterpriseVerifyOfficer: 'enterprise/verify-officer/index',
  enterpriseComplaints: 'enterprise/complaints/index',
  /** 检查告知: one inspection in full, with the company's rights (opened from a message). */
  enterpriseInspection: 'enterprise/inspection/index',
  supervisorComplaints: 'supervisor/complaints/index',
  /** The inbox of every role. */
  messages: 'pages/messages/index',
} as const
