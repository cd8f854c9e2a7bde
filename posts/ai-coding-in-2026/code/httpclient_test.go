package code

import (
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"testing"
	"time"
)

func Example_zeroValueTimeouts() {
	fmt.Println("http.DefaultClient.Timeout:", http.DefaultClient.Timeout)
	var s http.Server // what http.ListenAndServe constructs
	fmt.Println("http.Server ReadHeaderTimeout:", s.ReadHeaderTimeout, "ReadTimeout:", s.ReadTimeout)
	// Output:
	// http.DefaultClient.Timeout: 0s
	// http.Server ReadHeaderTimeout: 0s ReadTimeout: 0s
}

// A server that accepts the request and never answers. With NewClient's
// timeouts shortened for the test, the call fails fast with a timeout error
// instead of waiting for a response that is not coming.
func TestClientGivesUpOnSilentPeer(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		<-r.Context().Done() // hang until the client goes away
	}))
	defer srv.Close()

	client := NewClient()
	client.Timeout = 200 * time.Millisecond

	start := time.Now()
	resp, err := client.Get(srv.URL)
	if err == nil {
		resp.Body.Close()
		t.Fatal("expected a timeout")
	}
	var uerr *url.Error
	if !errors.As(err, &uerr) || !uerr.Timeout() {
		t.Fatalf("error %v is not a timeout", err)
	}
	if elapsed := time.Since(start); elapsed > 2*time.Second {
		t.Fatalf("took %v to give up", elapsed)
	}
}

func TestServerHasTimeouts(t *testing.T) {
	s := NewServer(":0", http.NotFoundHandler())
	if s.ReadHeaderTimeout == 0 || s.ReadTimeout == 0 || s.WriteTimeout == 0 || s.IdleTimeout == 0 {
		t.Fatalf("server has a zero timeout: %+v", s)
	}
}
