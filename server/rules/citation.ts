import type { Citation } from './types';

/** One line for display: 《document》article, or 《document》 alone when the article is unconfirmed. */
export const citationText = (c: Citation) => `《${c.document}》${c.confirmed && c.article ? c.article : ''}`;
