/**
 * The evaluator registry: one line per rule kind. Each owner adds its evaluators here; a catalogue
 * rule whose kind has no evaluator fails at start.
 */
import type { Evaluator } from '../types';
import { AFFAIRS_EVALUATORS } from './affairs';
import { meetingMinimumEvaluator } from './meeting-minimum';
import { stageRequirementEvaluator } from './stage-requirement';
import { talkYearlyEvaluator } from './talk-yearly';

export const EVALUATORS: Evaluator[] = [meetingMinimumEvaluator, ...AFFAIRS_EVALUATORS, talkYearlyEvaluator, stageRequirementEvaluator];
