import { BadRequestException, HttpException, NotFoundException } from '@nestjs/common';
import { toProblemException } from './problem.filter';
import { ProblemException, ValidationProblem } from './problem';
import { toFieldErrors } from './validation';

describe('toProblemException', () => {
  it('keeps problem exceptions as they are', () => {
    const problem = new ValidationProblem([{ field: 'a', messages: ['bad'] }]);
    expect(toProblemException(problem)).toBe(problem);
  });

  it('maps HTTP exceptions to their status with their message as detail', () => {
    const problem = toProblemException(new NotFoundException('Cannot GET /api/x'));
    expect(problem.toProblem('/api/x', 'r1')).toEqual({
      type: 'about:blank',
      title: 'Not found',
      status: 404,
      detail: 'Cannot GET /api/x',
      instance: '/api/x',
      requestId: 'r1',
    });
  });

  it('recognises Fastify body errors wrapped by Nest', () => {
    const cause = Object.assign(new Error('Body is not valid JSON'), {
      code: 'FST_ERR_CTP_INVALID_JSON_BODY',
      statusCode: 400,
    });
    const problem = toProblemException(new BadRequestException('x', { cause }));
    expect(problem.init).toMatchObject({ status: 400, code: 'request.malformed_json' });
  });

  it('hides the internals of unexpected errors', () => {
    const problem = toProblemException(new Error('connection string postgres://secret'));
    expect(problem.init.status).toBe(500);
    expect(JSON.stringify(problem.toProblem())).not.toContain('secret');
    expect(toProblemException(new HttpException('internal detail', 502)).init.detail).toBeUndefined();
  });

  it('uses an urn type for coded problems', () => {
    expect(new ProblemException({ status: 409, code: 'x.conflict' }).toProblem().type).toBe(
      'urn:mentorsystemet:problem:x.conflict',
    );
  });
});

describe('toFieldErrors', () => {
  it('flattens nested errors into dotted fields', () => {
    expect(
      toFieldErrors([
        { property: 'name', constraints: { isString: 'name must be a string' }, children: [] },
        {
          property: 'address',
          children: [{ property: 'zip', constraints: { length: 'zip too long' }, children: [] }],
        },
      ]),
    ).toEqual([
      { field: 'name', messages: ['name must be a string'] },
      { field: 'address.zip', messages: ['zip too long'] },
    ]);
  });
});
