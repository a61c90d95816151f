/** English messages of certificates and their public verification page. */
export const certificatesEn = {
  cascade: {
    verify: {
      title: 'Certificate check',
      checking: 'Checking the certificate…',
      valid: 'Valid certificate',
      expired: 'Certificate expired',
      revoked: 'Certificate revoked',
      not_found: 'No certificate has this code',
      not_found_help: 'Check that the whole address or code was copied. Codes are case-sensitive.',
      failed: 'The check could not be completed. Try again in a moment.',
      holder: 'Holder',
      achievement: 'Certified',
      kind_qualification: 'Internal trainer qualification',
      kind_exam: 'Certification exam',
      achieved_at: 'Achieved',
      issued_at: 'Issued',
      expires_at: 'Valid until',
      expired_at: 'Expired',
      revoked_at: 'Revoked',
      no_expiry: 'No expiry',
      explanation: 'This page is checked against Cascade’s records each time it is opened.',
    },
  },
};
