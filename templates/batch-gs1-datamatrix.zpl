^XA
^FX 一批一码 batch label, 60 x 40 mm at 8 dots/mm: GS1 DataMatrix with GTIN, batch, dates
^CI28
^PW480
^LL320
^FO16,16^BXN,5,200,,,,#,1^FD{{gs1}}^FS
^FO176,14^A@N,22,22,E:CJK.TTF^FB290,2,2,L^FD{{productName}}^FS
^FO176,66^A@N,20,20,E:CJK.TTF^FB290,1,0,L^FD规格型号：{{specification}}^FS
^FO176,92^A@N,20,20,E:CJK.TTF^FB290,1,0,L^FD批号：{{batch}}^FS
^FO176,118^A@N,20,20,E:CJK.TTF^FB290,1,0,L^FD生产日期：{{productionDate:yyyy-MM-dd}}^FS
^FO176,144^A@N,20,20,E:CJK.TTF^FB290,1,0,L^FD有效期至：{{expiryDate:yyyy-MM-dd}}^FS
^FO176,170^A@N,20,20,E:CJK.TTF^FB290,1,0,L^FD执行标准：{{standard}}^FS
^FO16,214^GB448,2,2^FS
^FO16,226^A@N,20,20,E:CJK.TTF^FB448,2,2,L^FD生产者：{{producerName}}^FS
^FO16,280^A0N,20,14^FD{{gs1}}^FS
^XZ
