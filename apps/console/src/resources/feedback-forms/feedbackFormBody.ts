import type { FeedbackItem } from '@cascade/contracts';

/** An item as the form holds it: options may be blank or left over from another type. */
export type DraftItem = Partial<Omit<FeedbackItem, 'options'>> & { options?: (string | null)[] | null };

/**
 * The items as the API takes them: options only on single choices, trimmed and without blanks,
 * and no id where the author gave none (the server numbers them).
 */
export function itemsBody(items: DraftItem[] | undefined) {
  return (items ?? []).map((item) => {
    const options = (item.options ?? []).map((o) => (o ?? '').trim()).filter(Boolean);
    return {
      ...(item.id ? { id: item.id } : {}),
      type: item.type,
      about: item.about,
      text: (item.text ?? '').trim(),
      required: item.required ?? true,
      ...(item.type === 'single_choice' ? { options } : {}),
    };
  });
}

/** The draft as a form the preview can render; unfinished items are shown as far as they go. */
export function previewItems(items: DraftItem[] | undefined): FeedbackItem[] {
  return (items ?? [])
    .filter((item) => item.type && item.about)
    .map((item, index) => ({
      id: item.id || `preview-${index}`,
      type: item.type!,
      about: item.about!,
      text: item.text?.trim() || '…',
      options: item.type === 'single_choice' ? (item.options ?? []).map((o) => (o ?? '').trim()).filter(Boolean) : null,
      required: item.required ?? true,
    }));
}

export const NEW_ITEM: DraftItem = { type: 'likert_5', about: 'trainer', text: '', required: true, options: null };
