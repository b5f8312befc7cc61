^XA
^FX 一物一码 item label, 50 x 30 mm at 8 dots/mm: GS1 DataMatrix, GS1 text, Chinese master data
^CI28
^PW400
^LL240
^LH0,0
^FO16,14^BXN,5,200,,,,#,1^FD{{gs1}}^FS
^FO150,12^A@N,20,16,E:CJK.TTF^FB240,1,0,L^FD产品名称：{{productName}}^FS
^FO150,38^A@N,20,16,E:CJK.TTF^FB240,1,0,L^FD规格型号：{{specification}}^FS
^FO150,64^A@N,20,16,E:CJK.TTF^FB240,1,0,L^FD执行标准：{{standard}}^FS
^FO150,90^A@N,20,20,E:CJK.TTF^FB240,1,0,L^FD生产日期：{{productionDate:yyyy-MM-dd}}^FS
^FO150,116^A@N,20,20,E:CJK.TTF^FB240,1,0,L^FD批号：{{batch}}^FS
^FO150,142^A@N,20,20,E:CJK.TTF^FB240,2,2,L^FD生产者：{{producerName}}^FS
^FO16,204^A0N,20,14^FD{{gs1}}^FS
^FO8,196^GB384,2,2^FS
^XZ
