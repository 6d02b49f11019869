import { Problem } from '../../common/problem';
import { chooseReportFormat } from './report-format';

function refused(format: string | undefined, accept: string | undefined): Problem {
  try {
    chooseReportFormat(format, accept);
  } catch (error) {
    return error as Problem;
  }
  throw new Error('a format was chosen');
}

describe('choosing a report format', () => {
  it('is JSON when neither ?format nor Accept says otherwise', () => {
    expect(chooseReportFormat(undefined, undefined)).toBe('json');
    expect(chooseReportFormat(undefined, '*/*')).toBe('json');
    expect(chooseReportFormat(undefined, 'application/json')).toBe('json');
  });

  it('follows Accept: the highest quality wins, then the first listed', () => {
    expect(chooseReportFormat(undefined, 'text/csv')).toBe('csv');
    expect(chooseReportFormat(undefined, 'application/pdf')).toBe('pdf');
    expect(chooseReportFormat(undefined, 'text/csv;q=0.5, application/pdf')).toBe('pdf');
    expect(chooseReportFormat(undefined, 'image/png, text/*;q=0.2')).toBe('csv');
    expect(chooseReportFormat(undefined, 'text/csv, */*')).toBe('csv');
    expect(chooseReportFormat(undefined, 'Application/PDF; q=1')).toBe('pdf');
  });

  it('lets ?format win over Accept', () => {
    expect(chooseReportFormat('pdf', 'text/csv')).toBe('pdf');
    expect(chooseReportFormat('json', 'application/pdf')).toBe('json');
  });

  it('is 406 for any other format or when nothing acceptable is offered', () => {
    expect(refused('xml', undefined)).toMatchObject({ code: 'not-acceptable', status: 406 });
    expect(refused('PDF', 'application/pdf')).toMatchObject({ code: 'not-acceptable' });
    expect(refused(undefined, 'image/png')).toMatchObject({ code: 'not-acceptable' });
    expect(refused(undefined, 'application/json;q=0')).toMatchObject({ code: 'not-acceptable' });
  });
});
