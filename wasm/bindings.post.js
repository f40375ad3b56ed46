// Linked into the Embind module after the generated glue (--post-js), inside the module's factory.
//
// bindings.cpp never throws a JavaScript exception from C++: a JS exception unwinding through wasm frames
// skips every C++ destructor on the way and Embind's clean-up of the argument copies, so each error would
// leak heap, shadow stack and Embind handles. Instead the C++ side records the error (tf_record_error →
// tfRecordError) and returns an empty value; every Embind function and method is wrapped here so that,
// once the call has fully returned and everything is freed, the recorded Error is thrown.
// The Error is the one the page and wasm/tinyformer.js expect: message, code, detail, detail2.

var tfPendingError = null;

function tfRecordError(code, message, detail, detail2) {
  var error = new Error(message);
  error.code = code;
  error.detail = detail;
  error.detail2 = detail2;
  tfPendingError = error;
}

function tfThrowing(fn) {
  var wrapped = function () {
    tfPendingError = null;
    var result = fn.apply(this, arguments);
    if (tfPendingError !== null) {
      var error = tfPendingError;
      tfPendingError = null;
      throw error;
    }
    return result;
  };
  Object.defineProperty(wrapped, 'name', { value: fn.name });
  return wrapped;
}

// After the bindings are registered (the wasm constructors ran in initRuntime) and before any caller
// awaiting the module's promise runs: wrap every free function and every method of every class.
addOnPostRun(function () {
  Object.keys(Module).forEach(function (name) {
    var value = Module[name];
    if (typeof value !== 'function') return;
    var proto = value.prototype;
    if (proto && typeof proto.isAliasOf === 'function' && typeof proto.delete === 'function') {
      // an Embind class: its own methods (isAliasOf, delete, ... are inherited from ClassHandle)
      Object.getOwnPropertyNames(proto).forEach(function (method) {
        if (method === 'constructor' || typeof proto[method] !== 'function') return;
        proto[method] = tfThrowing(proto[method]);
      });
    } else if (typeof value.argCount === 'number') {
      Module[name] = tfThrowing(value); // an Embind free function (Embind sets argCount on each)
    }
  });
});
