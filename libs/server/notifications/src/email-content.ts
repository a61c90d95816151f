import { Locale } from '@cascade/contracts';

const FOOTER: Record<Locale, { open: string; why: string }> = {
  'zh-CN': {
    open: '在 Cascade 中查看',
    why: '您收到此邮件是因为您在 Cascade 中开启了此类通知的邮件提醒，可在“通知设置”中关闭。',
  },
  en: {
    open: 'Open in Cascade',
    why: 'You receive this email because email is on for this kind of notification; turn it off under notification settings in Cascade.',
  },
};

const escapeHtml = (value: string) =>
  value.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string,
  );

/** The same message as the inbox item, as plain text and as simple HTML, in the recipient's language. */
export function renderEmail(
  locale: Locale,
  title: string,
  body: string,
  linkUrl: string | null,
): { subject: string; text: string; html: string } {
  const footer = FOOTER[locale];
  const text = [body, linkUrl ? `${footer.open}: ${linkUrl}` : null, '--', footer.why].filter(Boolean).join('\n\n');
  const html = `<!doctype html>
<html lang="${locale}"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head>
<body style="font-family:-apple-system,'Segoe UI','PingFang SC','Microsoft YaHei',sans-serif;color:#222;line-height:1.6">
<h2 style="font-size:18px">${escapeHtml(title)}</h2>
<p>${escapeHtml(body)}</p>
${linkUrl ? `<p><a href="${escapeHtml(linkUrl)}" style="color:#1565c0">${escapeHtml(footer.open)}</a></p>` : ''}
<hr style="border:none;border-top:1px solid #ddd"><p style="font-size:12px;color:#777">${escapeHtml(footer.why)}</p>
</body></html>`;
  return { subject: title, text, html };
}
