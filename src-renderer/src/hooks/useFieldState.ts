import { useState } from 'react';

export interface FieldState<T> {
  value: T;
  /** The error shown under the field, if any. */
  error: string | undefined;
  /** What the user typed: the value changes and the error goes. */
  change: (value: T) => void;
  /** Sets the value without touching the error (loading, clearing after success). */
  setValue: (value: T) => void;
  setError: (error: string | undefined) => void;
}

/** A form field's value and its error; typing into the field clears the error. */
export function useFieldState<T>(initial: T): FieldState<T> {
  const [value, setValue] = useState(initial);
  const [error, setError] = useState<string | undefined>();
  return {
    value,
    error,
    change: (next) => {
      setValue(next);
      setError(undefined);
    },
    setValue,
    setError,
  };
}
