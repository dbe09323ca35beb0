/**
 * Errors as Office.js raises them (`OfficeExtension.Error`): an `Error` with Excel's `code`, an
 * HTTP-like status and `debugInfo.errorLocation`. Messages follow Excel's English strings.
 */
export type SimErrorCode =
  | 'PropertyNotLoaded'
  | 'ItemNotFound'
  | 'ItemAlreadyExists'
  | 'InvalidArgument'
  | 'InvalidOperation'
  | 'InvalidObjectPath'
  | 'InvalidRequestContext'
  | 'RequestPayloadSizeLimitExceeded'
  | 'ResponsePayloadSizeLimitExceeded'
  | 'NotImplemented';

const MESSAGES: Record<SimErrorCode, string> = {
  PropertyNotLoaded:
    "The property '{0}' is not available. Before reading the property's value, call the load method on the containing object and call \"context.sync()\" on the associated request context.",
  ItemNotFound: "The requested resource doesn't exist.",
  ItemAlreadyExists: 'The resource already exists.',
  InvalidArgument: "The argument is invalid or missing or has an incorrect format.",
  InvalidOperation: 'The operation attempted is invalid on the object.',
  InvalidObjectPath:
    "The object path '{0}' isn't working for what you're trying to do. If you're using the object across multiple \"context.sync\" calls and outside the sequential execution of a \".run\" batch, please use the \"context.trackedObjects.add()\" and \"context.trackedObjects.remove()\" methods to manage the object's lifetime.",
  InvalidRequestContext: 'Cannot use the object across different request contexts.',
  RequestPayloadSizeLimitExceeded:
    'The request payload size has exceeded the limit. Please refer to the documentation: "https://docs.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins".',
  ResponsePayloadSizeLimitExceeded:
    'The response payload size has exceeded the limit. Please refer to the documentation: "https://docs.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins".',
  NotImplemented: 'The Excel simulator does not implement this: {0}',
};

export class SimError extends Error {
  readonly code: SimErrorCode;
  readonly httpStatusCode: number;
  readonly debugInfo: { code: SimErrorCode; message: string; errorLocation?: string };

  constructor(code: SimErrorCode, detail?: string, location?: string) {
    const base = MESSAGES[code];
    const message = base.includes('{0}') ? base.replace('{0}', detail ?? '') : detail ? `${base} ${detail}` : base;
    super(message);
    this.name = 'RichApi.Error';
    this.code = code;
    this.httpStatusCode = code === 'ItemNotFound' ? 404 : code === 'ItemAlreadyExists' ? 409 : 400;
    this.debugInfo = { code, message, errorLocation: location };
  }

  static notLoaded(property: string, typeName: string): SimError {
    return new SimError('PropertyNotLoaded', property, `${typeName}.${property}`);
  }

  static notFound(what: string): SimError {
    return new SimError('ItemNotFound', `(${what})`);
  }

  static invalidArgument(detail: string): SimError {
    return new SimError('InvalidArgument', `(${detail})`);
  }

  static invalidOperation(detail: string): SimError {
    return new SimError('InvalidOperation', `(${detail})`);
  }
}

/** True for errors Excel raises when one request or its reply passes the payload limit. */
export function isPayloadLimitError(e: unknown): boolean {
  const code = (e as { code?: unknown } | null)?.code;
  return code === 'RequestPayloadSizeLimitExceeded' || code === 'ResponsePayloadSizeLimitExceeded';
}
