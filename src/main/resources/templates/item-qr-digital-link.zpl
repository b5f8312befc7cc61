^XA
^FX 一物一码 item label, 50 x 30 mm at 8 dots/mm: QR code with the GS1 Digital Link URI
^CI28
^PW400
^LL240
^FO12,12^BQN,2,3^FD{{digitalLink}}^FS
^FO168,16^A@N,22,22,E:CJK.TTF^FB220,2,2,L^FD{{productName}}^FS
^FO168,70^A@N,18,18,E:CJK.TTF^FB220,1,0,L^FD型号：{{specification}}^FS
^FO168,96^A@N,18,18,E:CJK.TTF^FB220,1,0,L^FD批号：{{batch}}^FS
^FO168,122^A@N,18,18,E:CJK.TTF^FB220,1,0,L^FD生产日期：{{productionDate:yyyy.MM.dd}}^FS
^FO168,148^A0N,18,12^FB220,1,0,L^FDSN {{serial}}^FS
^FO12,200^A@N,18,18,E:CJK.TTF^FB376,1,0,L^FD扫码查询追溯信息 {{producerName}}^FS
^XZ
