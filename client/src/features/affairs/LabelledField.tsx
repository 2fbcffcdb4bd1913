import { cloneElement, type ReactElement, type ReactNode } from 'react';

/** The attributes LabelledField sets on its control. */
interface ControlProps {
  'aria-invalid'?: boolean;
  'aria-describedby'?: string;
}

/**
 * One field of a form: the label's text and its control (input, select or textarea) inside one <label>, so the
 * label names the control without ids. With `errorId`, the control is marked invalid while `invalid` holds and
 * is then described by the element with that id (the form's role="alert" message, which screen readers
 * announce when it appears); without `errorId` the control's own attributes are left as they are.
 */
export function LabelledField({
  label,
  invalid,
  errorId,
  className,
  children,
}: {
  label: ReactNode;
  invalid?: boolean;
  errorId?: string;
  className?: string;
  children: ReactElement<ControlProps>;
}) {
  const control = errorId === undefined ? children : cloneElement(children, fieldErrorAttributes(invalid, errorId));
  return (
    // biome-ignore lint/a11y/noLabelWithoutControl: the control is `children`, rendered inside the label
    <label className={className}>
      {label}
      {control}
    </label>
  );
}

/** The control's error attributes: invalid and described by the error while `invalid` holds, else neither. */
export function fieldErrorAttributes(invalid: boolean | undefined, errorId: string): ControlProps {
  return invalid ? { 'aria-invalid': true, 'aria-describedby': errorId } : { 'aria-invalid': undefined, 'aria-describedby': undefined };
}
