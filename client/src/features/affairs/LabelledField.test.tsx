import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { LabelledField } from './LabelledField';

describe('LabelledField', () => {
  it('puts the label text and the control in one label, keeping the control as written', () => {
    const html = renderToStaticMarkup(
      <LabelledField label="日期">
        <input type="date" data-testid="d" aria-describedby="own-hint" required />
      </LabelledField>,
    );
    expect(html).toBe('<label>日期<input type="date" data-testid="d" aria-describedby="own-hint" required=""/></label>');
  });

  it('marks the control invalid and described by the error while the form names it', () => {
    const html = renderToStaticMarkup(
      <LabelledField label="年份" invalid errorId="err-1" className="wide">
        <input data-testid="y" />
      </LabelledField>,
    );
    expect(html).toBe('<label class="wide">年份<input data-testid="y" aria-invalid="true" aria-describedby="err-1"/></label>');
  });

  it('leaves a valid control without error attributes', () => {
    for (const invalid of [false, undefined]) {
      const html = renderToStaticMarkup(
        <LabelledField label="理由" invalid={invalid} errorId="err-1">
          <textarea />
        </LabelledField>,
      );
      expect(html).toBe('<label>理由<textarea></textarea></label>');
    }
  });
});
