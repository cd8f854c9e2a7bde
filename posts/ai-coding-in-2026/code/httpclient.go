package code

import (
	"net"
	"net/http"
	"time"
)

// NewClient is the outbound client every service should build once and
// share. http.DefaultClient, and any &http.Client{} literal, has Timeout 0,
// which means no limit at all: a peer that accepts the connection and never
// answers keeps the goroutine, the socket and whatever it holds forever.
//
// It starts from a clone of http.DefaultTransport rather than a
// &http.Transport{} literal. A literal starts from zero values, not from the
// defaults: it has no proxy from the environment, no ExpectContinueTimeout
// (a request with "Expect: 100-continue" sends its body without waiting),
// and, because it sets DialContext without ForceAttemptHTTP2, no HTTP/2.
// The clone keeps all of that and only the timeouts below change. (The type
// assertion panics if a program has replaced http.DefaultTransport with a
// RoundTripper of another type.)
func NewClient() *http.Client {
	t := http.DefaultTransport.(*http.Transport).Clone()
	t.DialContext = (&net.Dialer{
		Timeout:   3 * time.Second,
		KeepAlive: 30 * time.Second,
	}).DialContext
	t.TLSHandshakeTimeout = 3 * time.Second
	t.ResponseHeaderTimeout = 5 * time.Second
	t.MaxIdleConnsPerHost = 10 // the default, 2, is low for a busy service
	return &http.Client{
		// An upper bound on the whole exchange: dial, TLS, headers, body.
		// Per-request deadlines still belong in the request's context.
		Timeout:   10 * time.Second,
		Transport: t,
	}
}

// NewServer is the inbound side of the same lesson: http.ListenAndServe
// builds a Server with every timeout at zero, so a client that trickles its
// headers one byte at a time holds a connection open indefinitely.
func NewServer(addr string, h http.Handler) *http.Server {
	return &http.Server{
		Addr:              addr,
		Handler:           h,
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       30 * time.Second,
		WriteTimeout:      30 * time.Second,
		IdleTimeout:       120 * time.Second,
	}
}
