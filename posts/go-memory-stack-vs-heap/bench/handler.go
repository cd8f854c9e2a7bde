package stackheap

// Handler is the shape of many middleware and plugin interfaces: a request
// goes in through a method on an interface value.
type Handler interface {
	ServePtr(r *S128) int64
	ServeValue(r S128) int64
}

type sumHandler struct{}

func (sumHandler) ServePtr(r *S128) int64  { return r.a[0] + r.a[15] }
func (sumHandler) ServeValue(r S128) int64 { return r.a[0] + r.a[15] }

// handler is a package-level variable, so the compiler cannot know which
// concrete type it holds at a call site.
var handler Handler = sumHandler{}

// dispatchPtr builds a request and passes its address through the interface.
func dispatchPtr(id int64) int64 {
	var r S128
	r.a[0] = id
	return handler.ServePtr(&r)
}

// dispatchValue builds the same request and passes a copy.
func dispatchValue(id int64) int64 {
	var r S128
	r.a[0] = id
	return handler.ServeValue(r)
}
