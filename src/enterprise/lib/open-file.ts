import Taro from '@tarojs/taro'
import { downloadHref } from '@/services/files'

/** An exported file's address for the browser (services/files.ts). */
export const fileHref = downloadHref

/**
 * Opens an exported Excel file on the phone (WeChat: download, then the system viewer with
 * its share menu). Answers an error message, or '' when the file opened.
 */
export async function openSpreadsheet(file: { url?: string; fileID?: string }): Promise<string> {
  try {
    let filePath = ''
    if (file.fileID) {
      filePath = (await Taro.cloud.downloadFile({ fileID: file.fileID })).tempFilePath
    } else if (file.url) {
      const res = await Taro.downloadFile({ url: file.url })
      if (res.statusCode !== 200) return '文件下载失败，请稍后重试'
      filePath = res.tempFilePath
    } else {
      return '没有可下载的文件'
    }
    await Taro.openDocument({ filePath, fileType: 'xlsx', showMenu: true })
    return ''
  } catch {
    return '无法打开文件，请稍后重试'
  }
}
