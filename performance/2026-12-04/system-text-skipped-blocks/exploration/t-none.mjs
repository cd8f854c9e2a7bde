export default function transform(h) {
  return h
}
