import { Locale, PasswordLinkPurpose } from '@cascade/contracts';

interface Wording {
  subject: string;
  greeting: (name: string) => string;
  body: (hours: number) => string;
  action: string;
  ignore: string;
}

const WORDING: Record<PasswordLinkPurpose, Record<Locale, Wording>> = {
  reset: {
    'zh-CN': {
      subject: '重置您的 Cascade 密码',
      greeting: (name) => `${name}，您好：`,
      body: (hours) =>
        `我们收到了重置您 Cascade 密码的请求。请在 ${hours} 小时内打开下面的链接设置新密码，链接只能使用一次。`,
      action: '设置新密码',
      ignore: '如果这不是您本人的请求，请忽略此邮件，您的密码不会改变。',
    },
    en: {
      subject: 'Reset your Cascade password',
      greeting: (name) => `Hello ${name},`,
      body: (hours) =>
        `We received a request to reset your Cascade password. Open the link below within ${hours} hour${hours === 1 ? '' : 's'} to choose a new one; it works once.`,
      action: 'Choose a new password',
      ignore: 'If you did not ask for this, ignore this email: your password stays as it is.',
    },
  },
  invitation: {
    'zh-CN': {
      subject: '欢迎加入 Cascade：请设置您的密码',
      greeting: (name) => `${name}，您好：`,
      body: (hours) =>
        `您已被邀请使用 Cascade 培训平台。请在 ${hours / 24} 天内打开下面的链接设置密码，链接只能使用一次。`,
      action: '设置密码',
      ignore: '如果您不认识此邀请，请忽略此邮件。',
    },
    en: {
      subject: 'Welcome to Cascade: choose your password',
      greeting: (name) => `Hello ${name},`,
      body: (hours) =>
        `You have been invited to Cascade, the training platform. Open the link below within ${hours / 24} days to choose your password; it works once.`,
      action: 'Choose your password',
      ignore: 'If you do not recognise this invitation, ignore this email.',
    },
  },
};

const escapeHtml = (value: string) =>
  value.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string,
  );

/** A reset or invitation email in the recipient's language, as plain text and simple HTML. */
export function renderPasswordEmail(
  purpose: PasswordLinkPurpose,
  locale: Locale,
  name: string,
  linkUrl: string,
  lifetimeSeconds: number,
): { subject: string; text: string; html: string } {
  const w = WORDING[purpose][locale];
  const body = w.body(Math.round(lifetimeSeconds / 3600));
  const text = [w.greeting(name), body, `${w.action}: ${linkUrl}`, w.ignore].join('\n\n');
  const html = `<!doctype html>
<html lang="${locale}"><head><meta charset="utf-8"><title>${escapeHtml(w.subject)}</title></head>
<body style="font-family:-apple-system,'Segoe UI','PingFang SC','Microsoft YaHei',sans-serif;color:#222;line-height:1.6">
<p>${escapeHtml(w.greeting(name))}</p>
<p>${escapeHtml(body)}</p>
<p><a href="${escapeHtml(linkUrl)}" style="display:inline-block;padding:10px 18px;background:#1565c0;color:#fff;text-decoration:none;border-radius:4px">${escapeHtml(w.action)}</a></p>
<p style="font-size:12px;color:#777;overflow-wrap:anywhere">${escapeHtml(linkUrl)}</p>
<hr style="border:none;border-top:1px solid #ddd"><p style="font-size:12px;color:#777">${escapeHtml(w.ignore)}</p>
</body></html>`;
  return { subject: w.subject, text, html };
}
