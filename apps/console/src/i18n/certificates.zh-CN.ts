/** 证书及其公开验证页的中文文案。 */
export const certificatesZhCN = {
  cascade: {
    verify: {
      title: '证书验证',
      checking: '正在验证证书…',
      valid: '证书有效',
      expired: '证书已过期',
      revoked: '证书已撤销',
      not_found: '没有与此验证码对应的证书',
      not_found_help: '请确认完整复制了地址或验证码，验证码区分大小写。',
      failed: '暂时无法完成验证，请稍后重试。',
      holder: '持证人',
      achievement: '认证内容',
      kind_qualification: '内部讲师资格',
      kind_exam: '认证考试',
      achieved_at: '获得日期',
      issued_at: '签发日期',
      expires_at: '有效期至',
      expired_at: '过期日期',
      revoked_at: '撤销日期',
      no_expiry: '长期有效',
      explanation: '每次打开此页面都会与 Cascade 的记录实时核对。',
    },
  },
};
