import { describe, expect, it } from 'vitest';
import { adviceFor } from '../../../lib/i18n/error-advice';

describe('adviceFor', () => {
  it('picks plain-words advice for the errors a capture meets', () => {
    expect(adviceFor('Cannot access a chrome:// URL')).toBe('error.restricted');
    expect(adviceFor('The extensions gallery cannot be scripted.')).toBe('error.restricted');
    expect(adviceFor('No tab with id: 42.')).toBe('error.noTab');
    expect(adviceFor('No answer to clip:capture: the background did not respond')).toBe('error.noAnswer');
    expect(adviceFor('Could not establish connection. Receiving end does not exist.')).toBe('error.noAnswer');
    expect(adviceFor('Nothing is selected on the page')).toBe('error.noSelection');
    expect(adviceFor('Cannot access contents of the page. Extension manifest must request permission to access the respective host.')).toBe('error.permission');
    expect(adviceFor('Readability exploded')).toBe('error.generic');
  });
});
