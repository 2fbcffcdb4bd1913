/**
 * The live tagging settings are the frozen ones the test split was written against: a retuned setting
 * fails here, so the test split's figures always describe settings chosen without it.
 */
import { describe, expect, it } from 'vitest';
import { LexicalEmbedder } from '../embed/lexical-embedder';
import { FROZEN_TAGGING_SETTINGS } from './frozen-settings';
import { NEAREST_WEIGHT, OWN_TEXT_WEIGHT, SUBTOPIC_WEIGHT } from './topic-index';

describe('frozen tagging settings', () => {
  it('match the settings the product runs', () => {
    expect({
      embedderId: new LexicalEmbedder().id,
      subtopicWeight: SUBTOPIC_WEIGHT,
      ownTextWeight: OWN_TEXT_WEIGHT,
      nearestWeight: NEAREST_WEIGHT,
    }).toEqual(FROZEN_TAGGING_SETTINGS);
  });
});
