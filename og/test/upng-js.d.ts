declare module 'upng-js' {
  interface Image {
    width: number
    height: number
  }
  const UPNG: { decode(png: ArrayBuffer): Image; toRGBA8(img: Image): ArrayBuffer[] }
  export default UPNG
}
