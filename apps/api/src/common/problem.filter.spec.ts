import { BadRequestException, HttpException, NotFoundException } from '@nestjs/common';
import { toProblemException } from './problem.filter';
import { ProblemException, ValidationProblem } from './problem';
import { IsNotEmpty, IsString } from 'class-validator';
import { createValidationPipe, toFieldErrors } from './validation';

class Named {
  @IsString() @IsNotEmpty() name: string;
}

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
  it('flattens nested errors into dotted fields, with the constraint names as codes', () => {
    expect(
      toFieldErrors([
        {
          property: 'name',
          constraints: { isString: 'name must be a string', isNotEmpty: 'name should not be empty' },
          children: [],
        },
        {
          property: 'address',
          children: [{ property: 'zip', constraints: { maxLength: 'zip too long' }, children: [] }],
        },
      ]),
    ).toEqual([
      {
        field: 'name',
        messages: ['name must be a string', 'name should not be empty'],
        codes: ['isString', 'isNotEmpty'],
      },
      { field: 'address.zip', messages: ['zip too long'], codes: ['maxLength'] },
    ]);
  });

  it('codes the errors of a real DTO, unknown fields included', async () => {
    const pipe = createValidationPipe();
    const error = await pipe.transform({ name: '', extra: 1 }, { type: 'body', metatype: Named }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ValidationProblem);
    expect((error as ValidationProblem).init.errors).toHaveLength(2);
    expect((error as ValidationProblem).init.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: 'name', codes: ['isNotEmpty'] }),
        { field: 'extra', messages: ['property extra should not exist'], codes: ['whitelistValidation'] },
      ]),
    );
  });
});
