package code

import (
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"testing"
	"time"
)

func Example_zeroValueTimeouts() {
	fmt.Println("http.DefaultClient.Timeout:", http.DefaultClient.Timeout)
	var s http.Server // what http.ListenAndServe constructs
	fmt.Println("http.Server ReadHeaderTimeout:", s.ReadHeaderTimeout,
		"ReadTimeout:", s.ReadTimeout)
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

// handBuiltTransport is how NewClient used to build its transport: a struct
// literal with the timeouts set. It compiles, it times out, and it has
// quietly lost what http.DefaultTransport would have given it.
func handBuiltTransport() *http.Transport {
	return &http.Transport{
		Proxy: http.ProxyFromEnvironment,
		DialContext: (&net.Dialer{
			Timeout:   3 * time.Second,
			KeepAlive: 30 * time.Second,
		}).DialContext,
		TLSHandshakeTimeout:   3 * time.Second,
		ResponseHeaderTimeout: 5 * time.Second,
		IdleConnTimeout:       90 * time.Second,
		MaxIdleConns:          100,
		MaxIdleConnsPerHost:   10,
	}
}

// protoAgainstHTTP2Server makes one HTTPS request with tr to a test server
// that speaks HTTP/2 and HTTP/1.1, and returns the protocol it got.
func protoAgainstHTTP2Server(t *testing.T, tr *http.Transport) string {
	t.Helper()
	srv := httptest.NewUnstartedServer(http.HandlerFunc(
		func(w http.ResponseWriter, r *http.Request) {}))
	srv.EnableHTTP2 = true
	srv.StartTLS()
	defer srv.Close()

	roots := x509.NewCertPool()
	roots.AddCert(srv.Certificate())
	tr.TLSClientConfig = &tls.Config{RootCAs: roots}
	defer tr.CloseIdleConnections()

	resp, err := (&http.Client{Transport: tr}).Get(srv.URL)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	return resp.Proto
}

func TestNewClientKeepsHTTP2(t *testing.T) {
	tr := NewClient().Transport.(*http.Transport)
	if got := protoAgainstHTTP2Server(t, tr); got != "HTTP/2.0" {
		t.Fatalf("NewClient negotiated %s, want HTTP/2.0", got)
	}
}

func TestHandBuiltTransportFallsBackToHTTP1(t *testing.T) {
	if got := protoAgainstHTTP2Server(t, handBuiltTransport()); got != "HTTP/1.1" {
		t.Fatalf("hand-built transport negotiated %s, want HTTP/1.1", got)
	}
	// The custom DialContext and TLSClientConfig (either one is enough) are
	// what switch HTTP/2 off; ForceAttemptHTTP2 switches it back on (since
	// Go 1.24, so does a Protocols field that includes HTTP/2).
	forced := handBuiltTransport()
	forced.ForceAttemptHTTP2 = true
	if got := protoAgainstHTTP2Server(t, forced); got != "HTTP/2.0" {
		t.Fatalf("with ForceAttemptHTTP2: negotiated %s, want HTTP/2.0", got)
	}
}

// The settings the clone inherits from http.DefaultTransport and a literal
// leaves at zero.
func TestNewClientInheritsDefaults(t *testing.T) {
	def := http.DefaultTransport.(*http.Transport)
	tr := NewClient().Transport.(*http.Transport)
	lit := handBuiltTransport()

	if !tr.ForceAttemptHTTP2 || lit.ForceAttemptHTTP2 {
		t.Errorf("ForceAttemptHTTP2: clone %v, literal %v",
			tr.ForceAttemptHTTP2, lit.ForceAttemptHTTP2)
	}
	if tr.ExpectContinueTimeout != def.ExpectContinueTimeout ||
		tr.ExpectContinueTimeout == 0 || lit.ExpectContinueTimeout != 0 {
		t.Errorf("ExpectContinueTimeout: clone %v, default %v, literal %v",
			tr.ExpectContinueTimeout, def.ExpectContinueTimeout,
			lit.ExpectContinueTimeout)
	}
	if tr.Proxy == nil || tr.IdleConnTimeout != def.IdleConnTimeout ||
		tr.MaxIdleConns != def.MaxIdleConns {
		t.Errorf("clone lost a default: %+v", tr)
	}
	if tr.TLSHandshakeTimeout != 3*time.Second ||
		tr.ResponseHeaderTimeout != 5*time.Second {
		t.Errorf("clone's timeouts not set: %+v", tr)
	}
	if def.ResponseHeaderTimeout != 0 {
		t.Errorf("NewClient modified http.DefaultTransport")
	}
}

func Example_defaultTransport() {
	def := http.DefaultTransport.(*http.Transport)
	var lit http.Transport
	fmt.Println("DefaultTransport: ForceAttemptHTTP2", def.ForceAttemptHTTP2,
		"ExpectContinueTimeout", def.ExpectContinueTimeout,
		"Proxy set", def.Proxy != nil)
	fmt.Println("Transport{}:      ForceAttemptHTTP2", lit.ForceAttemptHTTP2,
		"ExpectContinueTimeout", lit.ExpectContinueTimeout,
		"Proxy set", lit.Proxy != nil)
	// Output:
	// DefaultTransport: ForceAttemptHTTP2 true ExpectContinueTimeout 1s Proxy set true
	// Transport{}:      ForceAttemptHTTP2 false ExpectContinueTimeout 0s Proxy set false
}
